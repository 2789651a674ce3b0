import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "timeout-dns-wrong-ip",
  category: "timeout",
  title: {
    es: "El DNS devuelve una IP equivocada (tiempo agotado)",
    en: "DNS returns the wrong IP (timeout)",
  },
  summary: {
    es: "El nombre resuelve a una IP donde nadie contesta: el cliente espera hasta agotar su tiempo.",
    en: "The name resolves to an IP where nobody answers: the client waits until it gives up.",
  },
  reproducibleIn: ["lab-root", "docker"],
  server: "http",
  fault: {
    name: "dns-wrong-answer-silent",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ETIMEDOUT",
      message: "^connect ETIMEDOUT \\S+$",
    },
    {
      client: "node-http",
      code: "ETIMEDOUT",
      message: "^The operation was aborted$",
    },
    {
      client: "fetch",
      code: "ETIMEDOUT",
      message: "^The operation was aborted due to timeout$",
    },
    {
      client: "curl",
      code: "CURLE_OPERATION_TIMEDOUT",
      message:
        "^curl: \\(28\\) (Connection timed out after \\d+ milliseconds|Failed to connect to \\S+ port \\d+ after \\d+ ms: Timeout was reached)$",
    },
  ],
  fix: {
    summary: {
      es: "Corrige el registro DNS (o /etc/hosts) para que apunte a la IP del servidor.",
      en: "Fix the DNS record (or /etc/hosts) so it points at the server's IP.",
    },
    apply: {
      name: "dns-answer-fixed",
      params: {},
    },
  },
  docs: "timeout/dns-wrong-ip",
  related: ["refused-dns-wrong-ip"],
});
