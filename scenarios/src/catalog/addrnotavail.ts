import { defineScenario } from "../define.ts";
import { outOfLocalPorts } from "../observed.ts";

/** The chapter "addrnotavail" of the catalogue, in the guide's order. */
export const addrnotavail = [
  defineScenario({
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
  }),
  defineScenario({
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
  }),
] as const;
