import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-wrong-port",
  category: "refused",
  title: {
    es: "Puerto equivocado",
    en: "Wrong port",
  },
  summary: {
    es: "El cliente se conecta a un puerto en el que no escucha nadie: el servidor existe, pero en otro puerto.",
    en: "The client connects to a port nobody listens on: the server exists, but on another port.",
  },
  reproducibleIn: ["lab", "docker"],
  server: "http",
  fault: {
    name: "wrong-port",
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
      es: "Usa el puerto en el que el servidor escucha de verdad (compruébalo con `ss -ltnp`).",
      en: "Use the port the server really listens on (check it with `ss -ltnp`).",
    },
    apply: {
      name: "right-port",
      params: {},
    },
  },
  docs: "refused/wrong-port",
  related: ["refused-not-listening", "refused-wrong-host"],
});
