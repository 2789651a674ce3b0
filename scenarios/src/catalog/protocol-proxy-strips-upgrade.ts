import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "protocol-proxy-strips-upgrade",
  category: "protocol",
  title: {
    es: "El proxy inverso elimina el Upgrade",
    en: "The reverse proxy strips Upgrade",
  },
  summary: {
    es: "Un proxy inverso delante del servidor WebSocket no reenvía las cabeceras `Upgrade`/`Connection`, así que el servidor ve una petición HTTP normal.",
    en: "A reverse proxy in front of the WebSocket server does not forward the `Upgrade`/`Connection` headers, so the server sees a plain HTTP request.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "proxy-strips-upgrade",
    params: {},
  },
  expect: [
    {
      client: "chromium",
      code: "WS_UNEXPECTED_RESPONSE",
      message:
        "^WebSocket connection to 'ws://[^/']+/' failed: Error during WebSocket handshake: Unexpected response code: 426$",
      classic:
        "WebSocket connection to 'ws://host:port/' failed: Error during WebSocket handshake: Unexpected response code: 426",
    },
    {
      client: "ws",
      code: "WS_UNEXPECTED_RESPONSE",
      message: "^Unexpected server response: 426$",
    },
    {
      client: "node-websocket",
      code: "WS_CLOSED_1006",
      message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
    },
    {
      client: "curl",
      code: "HTTP_426",
      message: "^HTTP/1\\.1 426 Upgrade Required$",
    },
  ],
  fix: {
    summary: {
      es: "Configura el proxy para reenviar `Upgrade` y `Connection` (en nginx: `proxy_set_header Upgrade $http_upgrade;`).",
      en: "Configure the proxy to forward `Upgrade` and `Connection` (in nginx: `proxy_set_header Upgrade $http_upgrade;`).",
    },
    apply: {
      name: "proxy-forwards-upgrade",
      params: {},
    },
  },
  docs: "protocol/proxy-strips-upgrade",
  related: ["protocol-ws-to-http"],
});
