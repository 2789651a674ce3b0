import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-wrong-port",
  category: "refused",
  title: {
    es: "Puerto equivocado",
    en: "Wrong port",
  },
  summary: {
    es: "El cliente se conecta a un puerto en el que no escucha nadie: el servidor existe, pero en otro puerto.",
    en: "The client connects to a port nobody listens on: the server exists, but on another port.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "wrong-port",
    params: {},
  },
  expect: refusedByEveryClient,
  fix: {
    summary: {
      es: "Usa el puerto en el que el servidor escucha de verdad (compruébalo con `ss -ltnp`).",
      en: "Use the port the server really listens on (check it with `ss -ltnp`).",
    },
    apply: {
      name: "right-port",
      params: {},
    },
  },
  docs: "refused/wrong-port",
  related: ["refused-not-listening", "refused-wrong-host"],
});
