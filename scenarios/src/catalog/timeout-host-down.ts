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
    es: "No hay ninguna máquina detrás de esa dirección: nadie responde a la conexión. En la misma subred, Linux deja de preguntar por ARP a los 3 s aprox. y todo cliente recibe EHOSTUNREACH (No route to host); detrás de un router, el último router avisa igual con un ICMP host-unreachable, o calla y el cliente agota su tiempo de espera.",
    en: "No machine sits behind that address: nobody answers the connection. On the same subnet Linux gives up asking by ARP after about 3 s and every client gets EHOSTUNREACH (No route to host); behind a router, the last router says the same with an ICMP host-unreachable, or stays silent and the client times out.",
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
