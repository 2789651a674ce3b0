import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-cdn",
  category: "refused",
  title: {
    es: "Detrás de una CDN o acelerador",
    en: "Behind a CDN or accelerator",
  },
  summary: {
    es: "El nombre apunta a una CDN: el cliente llega a la IP de la CDN, que no sirve ese puerto o protocolo, y no al origen.",
    en: "The name points at a CDN: the client reaches the CDN's IP, which does not serve that port or protocol, not the origin.",
  },
  reproducibleIn: ["lab-root", "docker"],
  fault: {
    name: "cdn-front",
    params: {},
  },
  // The CDN's own address answers the SYN with a RST; ws is not among its clients.
  expect: refusedByEveryClient.filter((e) => e.client !== "ws"),
  fix: {
    summary: {
      es: "Usa un puerto y protocolo que la CDN reenvíe, o conecta a un nombre que no pase por la CDN.",
      en: "Use a port and protocol the CDN forwards, or connect through a name that bypasses the CDN.",
    },
    apply: {
      name: "cdn-bypass",
      params: {},
    },
  },
  docs: "refused/cdn",
  related: ["refused-dns-wrong-ip"],
});
