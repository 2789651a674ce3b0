import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-loopback-only",
  category: "refused",
  title: {
    es: "El servidor solo escucha en 127.0.0.1",
    en: "The server listens on 127.0.0.1 only",
  },
  summary: {
    es: "El servidor escucha en una dirección de otro segmento: en 127.0.0.1 solo aceptan conexiones a 127.0.0.1, no a la IP de la red local ni a la pública.",
    en: "The server listens on an address in another segment: on 127.0.0.1 only connections to 127.0.0.1 are accepted, not to the LAN or public IP.",
  },
  reproducibleIn: ["lab", "lab-root", "docker"],
  fault: {
    name: "listen-loopback",
    params: {},
  },
  expect: refusedByEveryClient,
  fix: {
    summary: {
      es: "Escucha en 0.0.0.0 (o en ::) para que localhost, la red local e internet puedan conectar.",
      en: "Listen on 0.0.0.0 (or ::) so localhost, the LAN and the internet can all connect.",
    },
    apply: {
      name: "listen-any",
      params: {},
    },
  },
  docs: "refused/loopback-only",
  related: ["refused-localhost-ipv6", "refused-wrong-host"],
});
