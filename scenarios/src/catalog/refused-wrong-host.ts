import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-wrong-host",
  category: "refused",
  title: {
    es: "Host o IP equivocados",
    en: "Wrong host or IP address",
  },
  summary: {
    es: "El cliente apunta a otro nombre o dirección: esa máquina responde, pero allí no escucha el servicio.",
    en: "The client targets another name or address: that machine answers, but the service does not listen there.",
  },
  reproducibleIn: ["lab", "lab-root", "docker"],
  fault: {
    name: "wrong-host",
    params: {},
  },
  expect: refusedByEveryClient,
  fix: {
    summary: {
      es: "Corrige el host del cliente para que apunte a la máquina que ejecuta el servidor.",
      en: "Point the client at the machine that runs the server.",
    },
    apply: {
      name: "right-host",
      params: {},
    },
  },
  docs: "refused/wrong-host",
  related: ["refused-wrong-port", "refused-dns-wrong-ip"],
});
