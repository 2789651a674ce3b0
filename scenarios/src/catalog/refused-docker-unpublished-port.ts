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
  // The host's port has no listener: the RST of refused/not-listening, for these clients (a page
  // on the host opening ws://127.0.0.1:PORT gets the same).
  expect: refusedByEveryClient.filter((e) => ["node-net", "fetch", "curl", "chromium"].includes(e.client)),
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
