import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "timeout-host-down",
  category: "timeout",
  title: {
    es: "El servidor no existe o está apagado",
    en: "The server does not exist or is down",
  },
  summary: {
    es: "No hay ninguna máquina detrás de esa dirección: nadie responde a la conexión. En la misma subred, Linux deja de preguntar por ARP a los 3 s aprox. y da EHOSTUNREACH; un cliente con un límite menor agota antes su tiempo.",
    en: "No machine sits behind that address: nobody answers the connection. On the same subnet Linux gives up asking by ARP after about 3 s and reports EHOSTUNREACH; a client with a shorter bound times out first.",
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
