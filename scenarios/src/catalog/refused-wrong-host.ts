import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-wrong-host",
  category: "refused",
  title: {
    es: "Host o IP equivocados",
    en: "Wrong host or IP address",
  },
  summary: {
    es: "El cliente apunta a otro nombre o dirección: esa máquina responde, pero allí no escucha el servicio.",
    en: "The client targets another name or address: that machine answers, but the service does not listen there.",
  },
  reproducibleIn: ["lab", "lab-root", "docker"],
  server: "http",
  fault: {
    name: "wrong-host",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "node-http",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "fetch",
      code: "ECONNREFUSED",
      message: "^fetch failed$",
      classic: "TypeError: fetch failed",
    },
    {
      client: "ws",
      code: "ECONNREFUSED",
      message: "^connect ECONNREFUSED (\\d{1,3}\\.){3}\\d{1,3}:\\d+$",
    },
    {
      client: "curl",
      code: "CURLE_COULDNT_CONNECT",
      message:
        "^curl: \\(7\\) Failed to connect to \\S+ port \\d+ after \\d+ ms: Couldn't connect to server$",
      classic: "curl: (7) Failed to connect to 127.0.0.1 port 3000: Connection refused",
    },
  ],
  fix: {
    summary: {
      es: "Corrige el host del cliente para que apunte a la máquina que ejecuta el servidor.",
      en: "Point the client at the machine that runs the server.",
    },
    apply: {
      name: "right-host",
      params: {},
    },
  },
  docs: "refused/wrong-host",
  related: ["refused-wrong-port", "refused-dns-wrong-ip"],
});
