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
  server: "http",
  fault: {
    name: "client-proxy-down",
    params: {},
  },
  expect: [
    {
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: (Couldn't connect to server|Connection refused)$",
    },
    {
      client: "node-http",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED \\S+$",
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
