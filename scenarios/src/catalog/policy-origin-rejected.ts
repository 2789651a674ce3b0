import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "policy-origin-rejected",
  category: "policy",
  title: {
    es: "El servidor rechaza el Origin de la página",
    en: "The server rejects the page's Origin",
  },
  summary: {
    es: "TCP conecta, pero el servidor compara la cabecera `Origin` con su lista de orígenes permitidos y responde `403` a la petición de upgrade: la página que abre el WebSocket no está en la lista.",
    en: "TCP connects, but the server checks the `Origin` header against its allow-list and answers the upgrade request with `403`: the page that opens the WebSocket is not on the list.",
  },
  reproducibleIn: ["lab"],
  fault: { name: "origin-not-allowed", params: {} },
  expect: [
    {
      client: "chromium",
      code: "WS_UNEXPECTED_RESPONSE",
      message:
        "^WebSocket connection to 'ws://[^/']+/' failed: Error during WebSocket handshake: Unexpected response code: 403$",
    },
    { client: "ws", code: "WS_UNEXPECTED_RESPONSE", message: "^Unexpected server response: 403$" },
    {
      client: "node-websocket",
      code: "WS_CLOSED_1006",
      message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
    },
    { client: "curl", code: "HTTP_403", message: "^HTTP/1\\.1 403 Forbidden$" },
  ],
  fix: {
    summary: {
      es: "Añade a la lista de orígenes permitidos del servidor cada página que abre el WebSocket (`verifyClient` en ws; la misma opción en `@fastify/websocket`), y deja pasar las peticiones sin `Origin`: solo los navegadores lo envían.",
      en: "Add every page that opens the WebSocket to the server's allow-list (`verifyClient` in ws; the same option in `@fastify/websocket`), and let requests without `Origin` through: only browsers send one.",
    },
    apply: { name: "origin-allowed", params: {} },
  },
  docs: "policy/origin-rejected",
  related: ["protocol-ws-to-http", "policy-subprotocol-mismatch"],
});
