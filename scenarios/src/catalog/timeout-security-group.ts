import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "timeout-security-group",
  category: "timeout",
  title: {
    es: "El grupo de seguridad de la nube bloquea el puerto",
    en: "The cloud security group blocks the port",
  },
  summary: {
    es: "En un servidor en la nube, el grupo de seguridad del proveedor descarta el tráfico antes de que llegue a la máquina.",
    en: "On a cloud server, the provider's security group drops the traffic before it reaches the machine.",
  },
  reproducibleIn: ["lab-root", "docker"],
  server: "http",
  fault: {
    name: "edge-drop",
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
      es: "Abre el puerto en el grupo de seguridad desde el panel del proveedor.",
      en: "Open the port in the security group from the provider's control panel.",
    },
    apply: {
      name: "edge-open",
      params: {},
    },
  },
  docs: "timeout/security-group",
  related: ["timeout-firewall", "timeout-panel-firewall"],
});
