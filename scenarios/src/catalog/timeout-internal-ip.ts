import { defineScenario } from "../define.ts";
import { timedOutByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "timeout-internal-ip",
  category: "timeout",
  title: {
    es: "IP interna desde otra red",
    en: "Internal IP from another network",
  },
  summary: {
    es: "El cliente usa la IP privada (interna) del servidor sin estar en su misma red local: por su camino nadie tiene ruta hacia ella y el proveedor descarta esos paquetes, así que el cliente agota su tiempo. Si un router responde con ICMP «red inalcanzable», el error llega al instante: ENETUNREACH.",
    en: "The client uses the server's private (internal) IP without being on its local network: nothing on its path routes there and the provider drops such packets, so the client times out. Where a router answers ICMP net-unreachable instead, the error comes at once: ENETUNREACH.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "private-ip-other-network",
    params: {},
  },
  expect: timedOutByEveryClient,
  fix: {
    summary: {
      es: "Usa la IP pública o un nombre accesible, o conecta desde la misma red (VPN).",
      en: "Use the public IP or a reachable name, or connect from the same network (VPN).",
    },
    apply: {
      name: "reachable-ip",
      params: {},
    },
  },
  docs: "timeout/internal-ip",
  related: ["timeout-host-down"],
});
