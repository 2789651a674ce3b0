import { defineScenario } from "../define.ts";

export default defineScenario({
  id: "timeout-panel-firewall",
  category: "timeout",
  title: {
    es: "El cortafuegos del panel de hosting",
    en: "The hosting panel's firewall",
  },
  summary: {
    es: "Un panel de control de hosting (por ejemplo aaPanel / Baota) tiene su propio cortafuegos: el puerto hay que abrirlo también ahí.",
    en: "A hosting control panel (for example aaPanel / Baota) has its own firewall: the port must be opened there too.",
  },
  reproducibleIn: ["lab-root", "docker"],
  server: "http",
  fault: {
    name: "panel-firewall-drop",
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
      es: "Abre el puerto también en el cortafuegos del panel.",
      en: "Open the port in the panel's firewall too.",
    },
    apply: {
      name: "panel-firewall-open",
      params: {},
    },
  },
  docs: "timeout/panel-firewall",
  related: ["timeout-firewall", "timeout-security-group"],
});
