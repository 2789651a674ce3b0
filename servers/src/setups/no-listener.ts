import { unusedPort } from "../free-port.ts";
import type { Setup } from "../setup.ts";

/** Nothing listens on the port: the kernel answers every SYN with a RST (ECONNREFUSED). */
export const noListener: Setup = {
  name: "no-listener",
  tier: "lab",
  describe: "nothing listens on 127.0.0.1:PORT; SYN is answered by RST",
  start: async () => {
    const port = await unusedPort();
    return { target: { url: `http://127.0.0.1:${port}/` }, close: async () => {} };
  },
};
