import { defineScenario } from "../define.ts";
import { timedOutByEveryClient } from "../observed.ts";

// Root lab only, for now: the compose stack has no router between two networks (its `wan`
// container forwards nothing, the client's packets die there), so "an address nobody has on the
// far side of a router" cannot be built there yet; the root lab builds that router itself.
export default defineScenario({
  id: "timeout-host-down-routed",
  category: "timeout",
  title: {
    es: "El servidor no existe o está apagado, detrás de un router",
    en: "The server does not exist or is down, behind a router",
  },
  summary: {
    es: "La dirección está en otra red, detrás de un router, y ningún host la tiene. El router pregunta por ARP sin respuesta; si filtra el ICMP (como las redes en la nube) calla, y el cliente agota su tiempo de espera (ETIMEDOUT); un router Linux corriente avisa en cambio con un ICMP host-unreachable a los 3 s aprox.: EHOSTUNREACH, como en la misma subred.",
    en: "The address is on another network, behind a router, and no host has it. The router's ARP goes unanswered; if it filters ICMP (as cloud networks do) it stays silent and the client times out (ETIMEDOUT); a plain Linux router instead says so with an ICMP host-unreachable after about 3 s: EHOSTUNREACH, as on the same subnet.",
  },
  reproducibleIn: ["lab-root"],
  fault: {
    // The router stays silent; `router: "answers"` is the same network with a router that sends
    // ICMP host-unreachable (its rows are timeout-host-down's, checked by the root-lab test).
    name: "host-absent-routed",
    params: {},
  },
  expect: timedOutByEveryClient,
  fix: {
    summary: {
      es: "Arranca la máquina (o corrige la dirección) y comprueba que responde a través del router.",
      en: "Start the machine (or fix the address) and check that it answers through the router.",
    },
    apply: {
      name: "host-present-routed",
      params: {},
    },
  },
  docs: "timeout/host-down-routed",
  related: ["timeout-host-down", "timeout-security-group", "timeout-internal-ip"],
});
