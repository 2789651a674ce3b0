import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-localhost-in-container",
  category: "refused",
  title: {
    es: "localhost dentro de un contenedor",
    en: "localhost inside a container",
  },
  summary: {
    es: "Dentro de un contenedor, localhost es el propio contenedor: un cliente que marca localhost:PUERTO para llegar a otro contenedor, o al host, llega a su propio loopback, donde nadie escucha.",
    en: "Inside a container, localhost is the container itself: a client that dials localhost:PORT to reach another container, or the host, reaches its own loopback, where nobody listens.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "localhost-in-container",
    params: {},
  },
  // The RST comes from the client's own kernel: the address in Node's message is 127.0.0.1, the
  // client's loopback (a container on a bridge network has IPv6 off, so `localhost` is only that).
  expect: refusedByEveryClient,
  fix: {
    summary: {
      es: 'Marca el nombre del servicio en la red de compose (`http://web:8080`); para un servicio del host, `host.docker.internal` con `extra_hosts: ["host.docker.internal:host-gateway"]`.',
      en: 'Dial the service\'s name on the compose network (`http://web:8080`); for a service on the host, `host.docker.internal` with `extra_hosts: ["host.docker.internal:host-gateway"]`.',
    },
    apply: {
      name: "service-by-name",
      params: {},
    },
  },
  docs: "refused/localhost-in-container",
  related: ["refused-docker-unpublished-port", "refused-loopback-only"],
});
