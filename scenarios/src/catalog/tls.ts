import { defineScenario } from "../define.ts";
import { certificateRejectedByWebSocketApis } from "../observed.ts";

/** The chapter "tls" of the catalogue, in the guide's order. */
export const tls = [
  defineScenario({
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
  }),
  defineScenario({
    id: "tls-incomplete-chain",
    category: "tls",
    title: {
      es: "Cadena de certificados incompleta (falta el intermedio)",
      en: "Incomplete certificate chain (the intermediate is missing)",
    },
    summary: {
      es: "El servidor envía su certificado sin el intermedio que lo firmó: el cliente confía en la raíz pero no puede unirla con el certificado, y la verificación falla.",
      en: "The server sends its certificate without the intermediate that signed it: the client trusts the root but cannot link it to the certificate, and verification fails.",
    },
    // Not in the compose stack: its targets are a URL and an environment, with no way to hand a
    // client a CA to trust (a file, curl's --cacert, Chromium's key flag), and the lab's PKI is
    // made in memory per run. The rootless lab already runs the real TLS handshake on loopback.
    reproducibleIn: ["lab"],
    fault: { name: "incomplete-chain", params: {} },
    expect: [
      ...certificateRejectedByWebSocketApis,
      {
        client: "ws",
        code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        // Node 24 adds a hint for roots installed in the system's store (which it does not read).
        message:
          "^unable to verify the first certificate(; if the root CA is installed locally, try running Node\\.js with --use-system-ca)?$",
      },
      {
        client: "node-http",
        code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
        // Node 24 adds a hint for roots installed in the system's store (which it does not read).
        message:
          "^unable to verify the first certificate(; if the root CA is installed locally, try running Node\\.js with --use-system-ca)?$",
      },
      { client: "fetch", code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", message: "^fetch failed$" },
      {
        client: "curl",
        code: "CURLE_PEER_FAILED_VERIFICATION",
        message: "^curl: \\(60\\) SSL certificate problem: unable to get local issuer certificate$",
      },
    ],
    fix: {
      summary: {
        es: "Configura el servidor para que envíe la cadena completa: su certificado y después el intermedio (el `fullchain.pem` de Let's Encrypt, no `cert.pem`).",
        en: "Configure the server to send the full chain: its certificate, then the intermediate (Let's Encrypt's `fullchain.pem`, not `cert.pem`).",
      },
      apply: { name: "complete-chain", params: {} },
    },
    docs: "tls/incomplete-chain",
    related: ["tls-untrusted-certificate"],
  }),
] as const;
