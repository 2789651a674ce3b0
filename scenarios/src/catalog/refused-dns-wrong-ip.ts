import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

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
  fault: {
    name: "dns-wrong-answer",
    params: {},
  },
  expect: refusedByEveryClient,
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
