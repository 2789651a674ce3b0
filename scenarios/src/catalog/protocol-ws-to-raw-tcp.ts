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
  server: "net",
  fault: {
    name: "raw-tcp-on-ws-port",
    params: {},
  },
  expect: [
    {
      client: "ws",
      code: "HPE_INVALID_CONSTANT",
      message: "^Parse Error: .*$",
    },
    {
      client: "chromium",
      code: "WS_HANDSHAKE_FAILED",
      message: "^WebSocket connection to 'ws://\\S+' failed: .*$",
      classic:
        "WebSocket connection to 'ws://host:port/' failed: Error during WebSocket handshake: net::ERR_INVALID_HTTP_RESPONSE",
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
