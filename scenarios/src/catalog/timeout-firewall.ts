import { defineScenario } from "../define.ts";
import { timedOutByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "timeout-firewall",
  category: "timeout",
  title: {
    es: "El cortafuegos del servidor descarta la conexión",
    en: "The server's firewall drops the connection",
  },
  summary: {
    es: "Una regla del cortafuegos del servidor descarta los paquetes: nadie responde y el cliente espera hasta agotar su tiempo.",
    en: "A firewall rule on the server drops the packets: nobody answers and the client waits until it gives up.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "firewall-drop",
    params: {},
  },
  expect: timedOutByEveryClient,
  fix: {
    summary: {
      es: "Abre el puerto en el cortafuegos (para probar, desactívalo un momento).",
      en: "Open the port in the firewall (to test, disable it for a moment).",
    },
    apply: {
      name: "firewall-open",
      params: {},
    },
  },
  docs: "timeout/firewall",
  related: ["timeout-security-group", "timeout-panel-firewall"],
});
