import { defineScenario } from "../define.ts";
import { outOfLocalPorts } from "../observed.ts";

export default defineScenario({
  id: "addrnotavail-ephemeral-ports",
  category: "addrnotavail",
  title: {
    es: "Sin puertos efímeros libres",
    en: "Out of ephemeral ports",
  },
  summary: {
    es: "Como cliente, cada conexión usa un puerto local temporal; con más conexiones simultáneas a un mismo servidor que puertos en el rango, no queda ninguno que asignar.",
    en: "As a client, every connection uses a temporary local port; with more simultaneous connections to one server than ports in the range, none is left to assign.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "tiny-port-range",
    params: {
      size: 8,
    },
  },
  expect: outOfLocalPorts,
  fix: {
    summary: {
      es: "Amplía `net.ipv4.ip_local_port_range` (por ejemplo `10000 65535`) y aplícalo con `sysctl -p`.",
      en: "Widen `net.ipv4.ip_local_port_range` (for example `10000 65535`) and apply it with `sysctl -p`.",
    },
    apply: {
      name: "wide-port-range",
      params: {},
    },
  },
  docs: "addrnotavail/ephemeral-ports",
  related: ["addrnotavail-time-wait"],
});
