import { defineScenario } from "../define.ts";
import { timedOutByEveryClient } from "../observed.ts";

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
  fault: {
    name: "panel-firewall-drop",
    params: {},
  },
  expect: timedOutByEveryClient,
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
