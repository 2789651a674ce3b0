import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "refused-not-listening",
  category: "refused",
  title: {
    es: "El servidor no está escuchando",
    en: "The server is not listening",
  },
  summary: {
    es: "El proceso del servidor no se está ejecutando, o no abrió el puerto: el sistema responde con un RST.",
    en: "The server process is not running, or it never opened the port: the kernel answers with a RST.",
  },
  reproducibleIn: ["lab", "docker"],
  server: "none",
  fault: {
    name: "no-listener",
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
      es: "Arranca el servidor y comprueba con `ss -ltnp` que escucha en el puerto esperado.",
      en: "Start the server and check with `ss -ltnp` that it listens on the expected port.",
    },
    apply: {
      name: "start-server",
      params: {},
    },
  },
  docs: "refused/not-listening",
  related: ["refused-wrong-port"],
});
