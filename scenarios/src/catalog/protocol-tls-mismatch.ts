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
  server: "tls",
  fault: {
    name: "tls-scheme-mismatch",
    params: {},
  },
  expect: [
    {
      client: "node-http",
      code: "EPROTO",
      message: "^.*(wrong version number|packet length too long).*$",
    },
    {
      client: "curl",
      code: "CURLE_SSL_CONNECT_ERROR",
      message: "^curl: \\(35\\) .*$",
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
