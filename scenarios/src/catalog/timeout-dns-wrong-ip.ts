import { defineScenario } from "../define.ts";
import { unreachableOnTheLan } from "../observed.ts";

export default defineScenario({
  id: "timeout-dns-wrong-ip",
  category: "timeout",
  title: {
    es: "El DNS devuelve una IP equivocada (tiempo de espera agotado)",
    en: "DNS returns the wrong IP (timeout)",
  },
  summary: {
    es: "El nombre resuelve a una IP donde nadie contesta: el cliente espera hasta agotar su tiempo. Si esa IP está en su propia subred y nadie la tiene, el ARP falla a los 3 s aprox. con EHOSTUNREACH.",
    en: "The name resolves to an IP where nobody answers: the client waits until it gives up. When that IP is on its own subnet and nobody has it, ARP fails after about 3 s with EHOSTUNREACH.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "dns-wrong-answer-silent",
    params: {},
  },
  expect: unreachableOnTheLan,
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
