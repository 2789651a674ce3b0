import { defineScenario } from "../define.ts";
import { certificateRejectedByWebSocketApis } from "../observed.ts";

export default defineScenario({
  id: "tls-untrusted-certificate",
  category: "tls",
  title: {
    es: "Certificado no confiable (autofirmado o de una CA desconocida)",
    en: "Untrusted certificate (self-signed or from an unknown CA)",
  },
  summary: {
    es: "`wss://`/`https://` contra un servidor cuyo certificado emitió una CA que el cliente no conoce: la conexión TCP se abre y el handshake TLS se corta al verificar el certificado.",
    en: "`wss://`/`https://` against a server whose certificate was issued by a CA the client does not know: the TCP connection opens and the TLS handshake stops at certificate verification.",
  },
  // Not in the compose stack: its targets are a URL and an environment, with no way to hand a
  // client a CA to trust (a file, curl's --cacert, Chromium's key flag), and the lab's PKI is
  // made in memory per run. The rootless lab already runs the real TLS handshake on loopback.
  reproducibleIn: ["lab"],
  fault: { name: "untrusted-certificate", params: {} },
  expect: [
    ...certificateRejectedByWebSocketApis,
    {
      client: "ws",
      code: "SELF_SIGNED_CERT_IN_CHAIN",
      message: "^self-signed certificate in certificate chain$",
    },
    {
      client: "node-http",
      code: "SELF_SIGNED_CERT_IN_CHAIN",
      message: "^self-signed certificate in certificate chain$",
    },
    { client: "fetch", code: "SELF_SIGNED_CERT_IN_CHAIN", message: "^fetch failed$" },
    {
      client: "curl",
      code: "CURLE_PEER_FAILED_VERIFICATION",
      message: "^curl: \\(60\\) SSL certificate problem: self-signed certificate in certificate chain$",
    },
  ],
  fix: {
    summary: {
      es: "Usa un certificado de una CA en la que el cliente confía, o añade tu CA a lo que confía el cliente (`NODE_EXTRA_CA_CERTS`, `curl --cacert`, el almacén del sistema o del navegador). Nunca apagues la verificación.",
      en: "Use a certificate from a CA the client trusts, or add your CA to what the client trusts (`NODE_EXTRA_CA_CERTS`, `curl --cacert`, the system's or the browser's store). Never turn verification off.",
    },
    apply: { name: "trusted-certificate", params: {} },
  },
  docs: "tls/untrusted-certificate",
  related: ["tls-incomplete-chain", "protocol-tls-mismatch"],
});
