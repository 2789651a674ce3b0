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
  server: "http",
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
