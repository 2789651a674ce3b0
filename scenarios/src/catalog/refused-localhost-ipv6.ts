import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-localhost-ipv6",
  category: "refused",
  title: {
    es: "localhost resuelve a ::1 y el servidor solo escucha en IPv4",
    en: "localhost resolves to ::1 and the server listens on IPv4 only",
  },
  summary: {
    es: "`localhost` resuelve primero a ::1 y el servidor escucha solo en 127.0.0.1: los clientes que prueban solo la primera dirección reciben ECONNREFUSED ::1.",
    en: "`localhost` resolves to ::1 first and the server listens on 127.0.0.1 only: clients that try only the first address get ECONNREFUSED ::1.",
  },
  reproducibleIn: ["lab"],
  fault: {
    name: "listen-ipv4-only",
    params: {},
  },
  // Only clients that try the first address alone fail: Node 17–19 (no autoSelectFamily) got
  // "connect ECONNREFUSED ::1:PORT". With their defaults today every client here falls back to
  // 127.0.0.1 and connects: Node 24 (autoSelectFamily on since Node 20), curl and Chromium (Happy
  // Eyeballs, RFC 8305). Their OK lines say so.
  expect: [
    {
      client: "node-net",
      code: "OK",
      message: "^connected to localhost:\\d+$",
      classic: "Error: connect ECONNREFUSED ::1:3000",
    },
    {
      client: "node-http",
      code: "OK",
      message: "^200 OK$",
    },
    {
      client: "fetch",
      code: "OK",
      message: "^200 OK$",
    },
    {
      client: "ws",
      code: "OK",
      message: "^echo: connlab$",
    },
    {
      client: "curl",
      code: "OK",
      message: "^HTTP/1\\.1 200 OK$",
    },
    {
      // Chromium resolves localhost itself (both loopbacks) and races the two addresses.
      client: "chromium",
      code: "OK",
      message: "^echo: connlab$",
    },
  ],
  fix: {
    summary: {
      es: "Conecta a 127.0.0.1, o haz que el servidor escuche en :: (doble pila).",
      en: "Connect to 127.0.0.1, or make the server listen on :: (dual stack).",
    },
    apply: {
      name: "listen-dual-stack",
      params: {},
    },
  },
  docs: "refused/localhost-ipv6",
  related: ["refused-loopback-only"],
});
