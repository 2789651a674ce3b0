import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-proxy",
  category: "refused",
  title: {
    es: "Un proxy en el lado del cliente",
    en: "A proxy on the client side",
  },
  summary: {
    es: "El cliente está configurado para pasar por un proxy (HTTP_PROXY y similares) que no funciona: el rechazo viene del proxy, no del servidor.",
    en: "The client is set to go through a proxy (HTTP_PROXY and friends) that does not work: the refusal comes from the proxy, not the server.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "client-proxy-down",
    params: {},
  },
  // The lab exports http_proxy and HTTP_PROXY (curl reads only the lower-case one) with
  // NODE_USE_ENV_PROXY=1, the opt-in without which Node ignores proxy variables. node:net and ws
  // never read them and connect straight to the server: that is the point of their OK lines.
  expect: [
    {
      client: "node-net",
      code: "OK",
      message: "^connected to \\S+:\\d+$",
    },
    {
      client: "node-http",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "fetch",
      code: "ECONNREFUSED",
      message: "^fetch failed$",
      classic: "TypeError: fetch failed",
    },
    {
      client: "ws",
      code: "OK",
      message: "^echo: connlab$",
    },
    {
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: Couldn't connect to server$",
      classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
    },
    {
      // Chromium reads the proxy variables on Linux but never sends loopback through a proxy.
      client: "chromium",
      code: "OK",
      message: "^echo: connlab$",
    },
  ],
  fix: {
    summary: {
      es: "Quita o corrige la variable de proxy, o añade el destino a NO_PROXY.",
      en: "Unset or fix the proxy variable, or add the target to NO_PROXY.",
    },
    apply: {
      name: "no-proxy",
      params: {},
    },
  },
  docs: "refused/proxy",
  related: ["refused-wrong-host"],
});
