import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "policy-subprotocol-mismatch",
  category: "policy",
  title: {
    es: "El servidor no responde el subprotocolo pedido",
    en: "The server does not answer the requested subprotocol",
  },
  summary: {
    es: "El cliente pide un subprotocolo (`Sec-WebSocket-Protocol`) y el servidor acepta el upgrade sin elegir ninguno: el cliente cierra la conexión que el servidor acababa de aceptar.",
    en: "The client asks for a subprotocol (`Sec-WebSocket-Protocol`) and the server accepts the upgrade without choosing one: the client fails the connection the server has just accepted.",
  },
  reproducibleIn: ["lab"],
  fault: { name: "subprotocol-unanswered", params: {} },
  expect: [
    {
      client: "chromium",
      code: "WS_NO_SUBPROTOCOL",
      message:
        "^WebSocket connection to 'ws://[^/']+/' failed: Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header but no response was received$",
    },
    { client: "ws", code: "WS_NO_SUBPROTOCOL", message: "^Server sent no subprotocol$" },
    {
      client: "node-websocket",
      code: "WS_CLOSED_1006",
      message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
    },
  ],
  fix: {
    summary: {
      es: "Haz que el servidor elija, entre los subprotocolos pedidos, el que habla y lo nombre en su respuesta 101 (`handleProtocols` en ws); o que el cliente no pida ninguno si el servidor no los usa.",
      en: "Make the server pick, from the subprotocols asked, the one it speaks and name it in its 101 answer (`handleProtocols` in ws); or have the client ask for none when the server does not use them.",
    },
    apply: { name: "subprotocol-selected", params: {} },
  },
  docs: "policy/subprotocol-mismatch",
  related: ["policy-origin-rejected", "protocol-ws-to-http"],
});
