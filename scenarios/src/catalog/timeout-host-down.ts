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
      client: "curl",
      code: "CURLE_OPERATION_TIMEDOUT",
      message:
        "^curl: \\(28\\) (Connection|Failed to connect to \\S+ port \\d+ after \\d+ ms: Timeout was reached|Connection timed out after \\d+ milliseconds).*$",
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
