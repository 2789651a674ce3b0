import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "timeout-host-down",
  category: "timeout",
  title: {
    es: "El servidor no existe o está apagado",
    en: "The server does not exist or is down",
  },
  summary: {
    es: "No hay ninguna máquina detrás de esa dirección: nadie responde a la conexión.",
    en: "No machine sits behind that address: nobody answers the connection.",
  },
  reproducibleIn: ["lab-root", "docker"],
  server: "none",
  fault: {
    name: "host-absent",
    params: {},
  },
  expect: [
    {
      client: "node-net",
      code: "ETIMEDOUT",
      message: "^connect ETIMEDOUT \\S+$",
    },
    {
      client: "node-http",
      code: "ETIMEDOUT",
      message: "^The operation was aborted$",
    },
    {
      client: "fetch",
      code: "ETIMEDOUT",
      message: "^The operation was aborted due to timeout$",
    },
    {
      client: "curl",
      code: "CURLE_OPERATION_TIMEDOUT",
      message:
        "^curl: \\(28\\) (Connection timed out after \\d+ milliseconds|Failed to connect to \\S+ port \\d+ after \\d+ ms: Timeout was reached)$",
    },
  ],
  fix: {
    summary: {
      es: "Arranca la máquina (o corrige la dirección) y comprueba que responde.",
      en: "Start the machine (or fix the address) and check that it answers.",
    },
    apply: {
      name: "host-present",
      params: {},
    },
  },
  docs: "timeout/host-down",
  related: ["refused-not-listening", "timeout-internal-ip"],
});
