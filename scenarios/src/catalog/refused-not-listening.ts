import { defineScenario } from "../define.ts";
import { refusedByEveryClient } from "../observed.ts";

export default defineScenario({
  id: "refused-not-listening",
  category: "refused",
  title: {
    es: "El servidor no está escuchando",
    en: "The server is not listening",
  },
  summary: {
    es: "El proceso del servidor no se está ejecutando, o no abrió el puerto: el sistema responde con un RST.",
    en: "The server process is not running, or it never opened the port: the kernel answers with a RST.",
  },
  reproducibleIn: ["lab", "docker"],
  fault: {
    name: "no-listener",
    params: {},
  },
  expect: refusedByEveryClient,
  fix: {
    summary: {
      es: "Arranca el servidor y comprueba con `ss -ltnp` que escucha en el puerto esperado.",
      en: "Start the server and check with `ss -ltnp` that it listens on the expected port.",
    },
    apply: {
      name: "start-server",
      params: {},
    },
  },
  docs: "refused/not-listening",
  related: ["refused-wrong-port"],
});
