import { defineScenario } from "../define.ts";
import { outOfLocalPorts } from "../observed.ts";

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
  fault: {
    name: "time-wait-pressure",
    params: {
      size: 8,
    },
  },
  expect: outOfLocalPorts,
  fix: {
    summary: {
      es: "Activa la reutilización de puertos en TIME_WAIT (`net.ipv4.tcp_tw_reuse=1`; el valor por defecto, 2, solo vale para loopback): el núcleo reutiliza un puerto cuando lleva más de 1 s en TIME_WAIT, así que una ráfaga dentro del mismo segundo aún puede agotarlo. Amplía también el rango.",
      en: "Enable reuse of TIME_WAIT ports (`net.ipv4.tcp_tw_reuse=1`; the default, 2, only covers loopback): the kernel reuses a port once it has been in TIME_WAIT for over 1 s, so a burst within the same second can still run out. Widen the range too.",
    },
    apply: {
      name: "tw-reuse-on",
      params: {},
    },
  },
  docs: "addrnotavail/time-wait",
  related: ["addrnotavail-ephemeral-ports"],
});
