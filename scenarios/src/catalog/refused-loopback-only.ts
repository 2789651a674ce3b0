import { defineScenario } from "../define.ts";

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
  server: "http",
  fault: {
    name: "listen-loopback",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "node-http",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "fetch",
      code: "ECONNREFUSED",
      message: "^fetch failed$",
      classic: "TypeError: fetch failed",
    },
    {
      client: "ws",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: Couldn't connect to server$",
      classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
    },
  ],
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
