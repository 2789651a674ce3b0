import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "addrnotavail-time-wait",
  category: "addrnotavail",
  title: {
    es: "Puertos retenidos en TIME_WAIT",
    en: "Ports held in TIME_WAIT",
  },
  summary: {
    es: "Una conexión cerrada queda en TIME_WAIT y retiene su puerto local; muchas conexiones cortas seguidas agotan el rango.",
    en: "A closed connection stays in TIME_WAIT and keeps its local port; many short connections in a row exhaust the range.",
  },
  reproducibleIn: ["lab-root", "docker"],
  server: "net",
  fault: {
    name: "time-wait-pressure",
    params: {
      size: 8,
    },
  },
  expect: [
    {
      client: "node-net",
      code: "EADDRNOTAVAIL",
      message: "^connect EADDRNOTAVAIL \\S+( - Local \\(\\S+\\))?$",
    },
  ],
  fix: {
    summary: {
      es: "Activa la reutilización rápida de puertos en TIME_WAIT (`net.ipv4.tcp_tw_reuse=1`) o amplía el rango.",
      en: "Enable fast reuse of TIME_WAIT ports (`net.ipv4.tcp_tw_reuse=1`) or widen the range.",
    },
    apply: {
      name: "tw-reuse-on",
      params: {},
    },
  },
  docs: "addrnotavail/time-wait",
  related: ["addrnotavail-ephemeral-ports"],
});
