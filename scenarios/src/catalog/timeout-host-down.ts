import { defineScenario } from "../define.ts";
import { unreachableOnTheLan } from "../observed.ts";

export default defineScenario({
  id: "timeout-host-down",
  category: "timeout",
  title: {
    es: "El servidor no existe o está apagado",
    en: "The server does not exist or is down",
  },
  summary: {
    es: "No hay ninguna máquina detrás de esa dirección: nadie responde a la conexión. En la misma subred, Linux deja de preguntar por ARP a los 3 s aprox. y da EHOSTUNREACH («No route to host»). Detrás de un router, en cambio, suele haber silencio hasta agotar el tiempo de espera.",
    en: 'No machine sits behind that address: nobody answers the connection. On the same subnet Linux gives up asking by ARP after about 3 s and reports EHOSTUNREACH ("No route to host"). Behind a router there is usually silence until the timeout instead.',
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "host-absent",
    params: {},
  },
  expect: unreachableOnTheLan,
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
