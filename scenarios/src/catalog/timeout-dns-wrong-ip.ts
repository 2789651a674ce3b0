import { defineScenario } from "../define.ts";
import { timedOutByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "timeout-dns-wrong-ip",
  category: "timeout",
  title: {
    es: "El DNS devuelve una IP equivocada (tiempo de espera agotado)",
    en: "DNS returns the wrong IP (timeout)",
  },
  summary: {
    es: "El nombre resuelve a una IP donde nadie contesta: el cliente espera hasta agotar su tiempo.",
    en: "The name resolves to an IP where nobody answers: the client waits until it gives up.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "dns-wrong-answer-silent",
    params: {},
  },
  expect: timedOutByEveryClient,
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
