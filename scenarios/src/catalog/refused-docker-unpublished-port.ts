import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-docker-unpublished-port",
  category: "refused",
  title: {
    es: "Puerto de Docker sin publicar",
    en: "Docker port not published",
  },
  summary: {
    es: "El servidor corre en un contenedor cuyo puerto nunca se publicó (falta `ports:`), o se publicó en otro puerto del host.",
    en: "The server runs in a container whose port was never published (`ports:` is missing), or was published on another host port.",
  },
  reproducibleIn: ["docker"],
  fault: {
    name: "port-not-published",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED \\S+$",
    },
    {
      client: "fetch",
      code: "ECONNREFUSED",
      message: "^fetch failed$",
    },
    {
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: (Couldn't connect to server|Connection refused)$",
    },
    // A page on the host opening ws://127.0.0.1:PORT gets the same RST: refused/not-listening's line.
    ...refusedByEveryClient.filter((e) => e.client === "chromium"),
  ],
  fix: {
    summary: {
      es: 'Publica el puerto en compose (`ports: ["127.0.0.1:8080:8080"]`) y conecta al puerto del host.',
      en: 'Publish the port in compose (`ports: ["127.0.0.1:8080:8080"]`) and connect to the host port.',
    },
    apply: {
      name: "port-published",
      params: {},
    },
  },
  docs: "refused/docker-unpublished-port",
  related: ["refused-wrong-port", "refused-loopback-only"],
});
