import { defineScenario } from "../define.ts";

export default defineScenario({
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
});
