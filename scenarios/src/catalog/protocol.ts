import { defineScenario } from "../define.ts";

/** The chapter "protocol" of the catalogue, in the guide's order. */
export const protocol = [
  defineScenario({
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
        client: "firefox",
        // Firefox words every failed handshake alike; the code is the internal error name its
        // Network panel shows for the upgrade request (the 200 is among the clues).
        code: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED",
        message: "^Firefox can’t establish a connection to the server at ws://[^/']+/\\.$",
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
  }),
  defineScenario({
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
        client: "firefox",
        // Firefox words every failed handshake alike; the code is the internal error name its
        // Network panel shows for the upgrade request.
        code: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED",
        message: "^Firefox can’t establish a connection to the server at ws://[^/']+/\\.$",
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
  }),
  defineScenario({
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
  }),
  defineScenario({
    id: "protocol-tls-mismatch",
    category: "protocol",
    title: {
      es: "TLS contra un puerto sin cifrar (y al revés)",
      en: "TLS against a plain port (and the reverse)",
    },
    summary: {
      es: "`wss://`/`https://` contra un puerto sin TLS, o `ws://`/`http://` contra un puerto con TLS: un lado espera un handshake TLS que nunca llega.",
      en: "`wss://`/`https://` against a plain port, or `ws://`/`http://` against a TLS port: one side expects a TLS handshake that never comes.",
    },
    reproducibleIn: ["lab", "docker"],
    fault: {
      name: "tls-scheme-mismatch",
      // The client speaks TLS (wss://, https://) to a plain port; `client: "plain"` is the reverse.
      params: { client: "tls" },
    },
    expect: [
      {
        client: "chromium",
        code: "ERR_SSL_PROTOCOL_ERROR",
        message:
          "^WebSocket connection to 'wss://[^/']+/' failed: Error in connection establishment: net::ERR_SSL_PROTOCOL_ERROR$",
      },
      {
        client: "firefox",
        // Firefox words every failed handshake alike; the code is the internal error name its
        // Network panel shows for the upgrade request.
        code: "SSL_ERROR_RX_RECORD_TOO_LONG",
        message: "^Firefox can’t establish a connection to the server at wss://[^/']+/\\.$",
      },
      {
        client: "ws",
        code: "EPROTO",
        // OpenSSL's text: the hex parts and the source location change with the OpenSSL build.
        message:
          "^write EPROTO [0-9A-F]+:error:[0-9A-F]+:SSL routines:[a-z0-9_]*:wrong version number:\\S*\\n?$",
      },
      {
        client: "node-websocket",
        code: "WS_CLOSED_1006",
        message: '^ErrorEvent \\{ message: "" \\} then CloseEvent \\{ code: 1006, reason: "" \\}$',
      },
      {
        client: "node-http",
        code: "EPROTO",
        message:
          "^write EPROTO [0-9A-F]+:error:[0-9A-F]+:SSL routines:[a-z0-9_]*:wrong version number:\\S*\\n?$",
      },
      {
        client: "fetch",
        // undici wraps it: "fetch failed", with OpenSSL's reason in error.cause.code.
        code: "ERR_SSL_WRONG_VERSION_NUMBER",
        message: "^fetch failed$",
      },
      {
        client: "curl",
        code: "CURLE_SSL_CONNECT_ERROR",
        message:
          "^curl: \\(35\\) OpenSSL/[0-9.]+: error:[0-9A-F]+:SSL routines:[a-z0-9_]*:wrong version number$",
      },
    ],
    fix: {
      summary: {
        es: "Usa el esquema que corresponde al puerto: `wss://`/`https://` solo donde hay TLS.",
        en: "Use the scheme that matches the port: `wss://`/`https://` only where there is TLS.",
      },
      apply: {
        name: "matching-scheme",
        params: {},
      },
    },
    docs: "protocol/tls-mismatch",
    related: ["protocol-ws-to-http"],
  }),
  defineScenario({
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
        client: "firefox",
        // Firefox words every failed handshake alike; the code is the internal error name its
        // Network panel shows for the upgrade request (the 426 is among the clues).
        code: "NS_ERROR_WEBSOCKET_CONNECTION_REFUSED",
        message: "^Firefox can’t establish a connection to the server at ws://[^/']+/\\.$",
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
  }),
] as const;
