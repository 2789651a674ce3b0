import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-cdn",
  category: "refused",
  title: {
    es: "Detrás de una CDN o acelerador",
    en: "Behind a CDN or accelerator",
  },
  summary: {
    es: "El nombre apunta a una CDN: el cliente llega a la IP de la CDN, que no sirve ese puerto o protocolo, y no al origen.",
    en: "The name points at a CDN: the client reaches the CDN's IP, which does not serve that port or protocol, not the origin.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "cdn-front",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED \\S+$",
    },
    {
      client: "node-http",
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
    {
      client: "chromium",
      code: "ERR_CONNECTION_REFUSED",
      message:
        "^WebSocket connection to 'ws://[^/']+/' failed: Error in connection establishment: net::ERR_CONNECTION_REFUSED$",
    },
  ],
  fix: {
    summary: {
      es: "Usa un puerto y protocolo que la CDN reenvíe, o conecta a un nombre que no pase por la CDN.",
      en: "Use a port and protocol the CDN forwards, or connect through a name that bypasses the CDN.",
    },
    apply: {
      name: "cdn-bypass",
      params: {},
    },
  },
  docs: "refused/cdn",
  related: ["refused-dns-wrong-ip"],
});
