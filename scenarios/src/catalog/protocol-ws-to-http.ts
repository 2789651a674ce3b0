import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "protocol-ws-to-http",
  category: "protocol",
  title: {
    es: "Cliente WebSocket contra un servidor solo HTTP",
    en: "WebSocket client against an HTTP-only server",
  },
  summary: {
    es: "El cliente habla WebSocket (`ws://`) y el servidor solo HTTP: responde a la petición de upgrade con un código normal y el handshake falla.",
    en: "The client speaks WebSocket (`ws://`) and the server only HTTP: it answers the upgrade request with an ordinary status and the handshake fails.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "http-only-on-ws-port",
    params: {},
  },
  expect: [
    {
      client: "chromium",
      code: "WS_UNEXPECTED_RESPONSE",
      message:
        "^WebSocket connection to 'ws://[^/']+/' failed: Error during WebSocket handshake: Unexpected response code: 200$",
      classic:
        "WebSocket connection to 'ws://host:port/' failed: Error during WebSocket handshake: Unexpected response code: 200",
    },
    {
      client: "ws",
      code: "WS_UNEXPECTED_RESPONSE",
      message: "^Unexpected server response: 200$",
    },
    {
      client: "node-websocket",
      code: "WS_CLOSED_1006",
      message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
    },
    {
      client: "curl",
      code: "HTTP_200",
      message: "^HTTP/1\\.1 200 OK$",
    },
  ],
  fix: {
    summary: {
      es: "Haz que el servidor escuche con el protocolo WebSocket en ese puerto (con fastify: registra `@fastify/websocket` y declara la ruta con `{ websocket: true }`), o que el cliente use el protocolo del servidor.",
      en: "Make the server listen with the WebSocket protocol on that port (with fastify: register `@fastify/websocket` and declare the route with `{ websocket: true }`), or make the client use the server's protocol.",
    },
    apply: {
      name: "fastify-websocket-route",
      params: {},
    },
  },
  docs: "protocol/ws-to-http",
  related: ["protocol-http-to-ws", "protocol-ws-to-raw-tcp"],
});
