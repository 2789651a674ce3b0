import { defineScenario } from "../define.ts";

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
  noBrowser: {
    es: "Se reproduce solo en el stack de Docker, cuyo contenedor de sondeo no lleva navegador; el navegador recibe el mismo RST y muestra la línea de refused/not-listening (net::ERR_CONNECTION_REFUSED).",
    en: "It reproduces only in the Docker stack, whose probe container carries no browser; a browser gets the same RST and prints refused/not-listening's line (net::ERR_CONNECTION_REFUSED).",
  },
});
