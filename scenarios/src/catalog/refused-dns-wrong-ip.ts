import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-dns-wrong-ip",
  category: "refused",
  title: {
    es: "El DNS devuelve una IP equivocada (rechazo)",
    en: "DNS returns the wrong IP (refused)",
  },
  summary: {
    es: "El nombre resuelve a la IP de otra máquina que está viva pero no escucha en ese puerto.",
    en: "The name resolves to another machine's IP, which is up but does not listen on that port.",
  },
  reproducibleIn: ["lab", "lab-root", "docker"],
  server: "http",
  fault: {
    name: "dns-wrong-answer",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
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
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to [\\w.-]+ port \\d+ after \\d+ ms: Couldn't connect to server$",
      classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
    },
  ],
  fix: {
    summary: {
      es: "Corrige el registro DNS (o /etc/hosts) para que apunte a la IP del servidor.",
      en: "Fix the DNS record (or /etc/hosts) so it points at the server's IP.",
    },
    apply: {
      name: "dns-right-answer",
      params: {},
    },
  },
  docs: "refused/dns-wrong-ip",
  related: ["timeout-dns-wrong-ip", "refused-cdn"],
});
