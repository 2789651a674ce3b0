import { defineScenario } from "../define.ts";

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
  server: "http",
  fault: {
    name: "tiny-port-range",
    params: {
      size: 8,
    },
  },
  expect: [
    {
      client: "node-net",
      code: "EADDRNOTAVAIL",
      message: "^connect EADDRNOTAVAIL \\S+ - Local \\(\\S+\\)$",
    },
    {
      client: "node-http",
      code: "EADDRNOTAVAIL",
      message: "^connect EADDRNOTAVAIL \\S+ - Local \\(\\S+\\)$",
    },
    {
      client: "fetch",
      code: "EADDRNOTAVAIL",
      message: "^fetch failed$",
    },
    {
      // curl 7.88 keeps the errno to itself: only "Couldn't connect to server" is printed.
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: Couldn't connect to server$",
    },
  ],
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
