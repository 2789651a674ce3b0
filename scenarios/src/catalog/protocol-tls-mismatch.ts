import { defineScenario } from "../define.ts";

export default defineScenario({
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
});
