import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "protocol-http-to-ws",
  category: "protocol",
  title: {
    es: "Cliente HTTP contra un servidor solo WebSocket",
    en: "HTTP client against a WebSocket-only server",
  },
  summary: {
    es: "Un cliente HTTP pide una página a un servidor que solo acepta el upgrade a WebSocket.",
    en: "An HTTP client asks for a page from a server that only accepts the upgrade to WebSocket.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "ws-only-server",
    params: {},
  },
  expect: [
    {
      client: "fetch",
      code: "HTTP_426",
      message: "^426 Upgrade Required$",
    },
    {
      client: "node-http",
      code: "HTTP_426",
      message: "^426 Upgrade Required$",
    },
    {
      client: "curl",
      code: "HTTP_426",
      message: "^HTTP/1\\.1 426 Upgrade Required$",
    },
  ],
  fix: {
    summary: {
      es: "Usa un cliente WebSocket, o añade una ruta HTTP al servidor.",
      en: "Use a WebSocket client, or add an HTTP route to the server.",
    },
    apply: {
      name: "http-route",
      params: {},
    },
  },
  docs: "protocol/http-to-ws",
  related: ["protocol-ws-to-http"],
  noBrowser: {
    es: "Un navegador no envía peticiones HTTP corrientes a un servidor WebSocket por sí solo: el fallo es el de un cliente HTTP (fetch, curl); el WebSocket de la página sí conecta.",
    en: "A browser does not send plain HTTP requests to a WebSocket server by itself: the failure is an HTTP client's (fetch, curl); the page's WebSocket connects.",
  },
});
