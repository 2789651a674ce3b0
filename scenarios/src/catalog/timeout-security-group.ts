import { defineScenario } from "../define.ts";
import { timedOutByEveryClient } from "../observed.ts";

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
  fault: {
    name: "edge-drop",
    params: {},
  },
  expect: timedOutByEveryClient,
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
