import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "protocol-ws-to-raw-tcp",
  category: "protocol",
  title: {
    es: "Cliente WebSocket contra un servidor TCP sin HTTP",
    en: "WebSocket client against a raw TCP server",
  },
  summary: {
    es: "El puerto habla un protocolo que no es HTTP (TCP con tramas de texto): la respuesta al handshake no es HTTP válido.",
    en: "The port speaks a non-HTTP protocol (raw TCP, text framing): the answer to the handshake is not valid HTTP.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "raw-tcp-on-ws-port",
    params: {},
  },
  expect: [
    {
      client: "chromium",
      code: "ERR_INVALID_HTTP_RESPONSE",
      message:
        "^WebSocket connection to 'ws://[^/']+/' failed: Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE$",
      classic:
        "WebSocket connection to 'ws://host:port/' failed: Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE",
    },
    {
      client: "ws",
      code: "HPE_INVALID_CONSTANT",
      // Node's HTTP parser (llhttp); older releases end the message after "Expected HTTP/".
      message: "^Parse Error: Expected HTTP/(, RTSP/ or ICE/)?$",
    },
    {
      client: "node-websocket",
      code: "WS_CLOSED_1006",
      message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
    },
    {
      client: "curl",
      code: "CURLE_UNSUPPORTED_PROTOCOL",
      message: "^curl: \\(1\\) Received HTTP/0\\.9 when not allowed$",
    },
  ],
  fix: {
    summary: {
      es: "Pon un servidor WebSocket en ese puerto, o usa un cliente TCP que hable su protocolo.",
      en: "Put a WebSocket server on that port, or use a TCP client that speaks its protocol.",
    },
    apply: {
      name: "ws-server",
      params: {},
    },
  },
  docs: "protocol/ws-to-raw-tcp",
  related: ["protocol-ws-to-http"],
});
