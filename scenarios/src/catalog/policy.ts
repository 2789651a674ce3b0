import { defineScenario } from "../define.ts";

/** The chapter "policy" of the catalogue, in the guide's order. */
export const policy = [
  defineScenario({
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
      {
        client: "firefox",
        // Firefox words every failed handshake alike; the code is the internal error name its
        // Network panel shows for the upgrade request (the 403 is among the clues).
        code: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED",
        message: "^Firefox can’t establish a connection to the server at ws://[^/']+/\\.$",
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
  }),
  defineScenario({
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
      {
        // Firefox opens the socket anyway and gets the echo: it does not fail a handshake whose
        // answer names no subprotocol. RFC 6455 §4.1 requires failing only on one that was not
        // asked for; Chromium follows the WHATWG rule, which fails on none too.
        client: "firefox",
        code: "OK",
        message: "^echo: connlab$",
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
  }),
  defineScenario({
    id: "policy-mixed-content",
    category: "policy",
    title: {
      es: "Página HTTPS que abre ws:// (contenido mixto)",
      en: "An HTTPS page that opens ws:// (mixed content)",
    },
    summary: {
      es: "Una página servida por `https://` intenta abrir un WebSocket `ws://` sin cifrar: el navegador lo bloquea antes de que salga ningún paquete.",
      en: "A page served over `https://` tries to open an unencrypted `ws://` WebSocket: the browser blocks it before any packet leaves.",
    },
    reproducibleIn: ["lab"],
    fault: { name: "mixed-content-ws", params: {} },
    expect: [
      {
        client: "chromium",
        code: "SecurityError",
        message:
          "^Mixed Content: The page at 'https://[^/']+/' was loaded over HTTPS, but attempted to connect to the insecure WebSocket endpoint 'ws://[^/']+/'\\. This request has been blocked; this endpoint must be available over WSS\\. then SecurityError: Failed to construct 'WebSocket': An insecure WebSocket connection may not be initiated from a page loaded over HTTPS\\.$",
      },
      {
        // Firefox logs no console line of its own here: the page gets the exception alone.
        client: "firefox",
        code: "SecurityError",
        message: "^SecurityError: The operation is insecure\\.$",
      },
    ],
    fix: {
      summary: {
        es: "Sirve el WebSocket con TLS y ábrelo como `wss://` (el mismo nombre y certificado que la página, o un proxy inverso que termine TLS).",
        en: "Serve the WebSocket over TLS and open it as `wss://` (the same name and certificate as the page, or a reverse proxy that terminates TLS).",
      },
      apply: { name: "mixed-content-wss", params: {} },
    },
    docs: "policy/mixed-content",
    related: ["protocol-tls-mismatch", "policy-origin-rejected"],
    browserOnly: {
      es: "El contenido mixto es una regla del navegador para las páginas HTTPS: Node, ws y curl no cargan páginas, así que abren `ws://` sin más.",
      en: "Mixed content is a browser rule for HTTPS pages: Node, ws and curl load no page, so they simply open `ws://`.",
    },
  }),
] as const;
