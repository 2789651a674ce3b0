import { startWeb } from "../apps/web.ts";
import type { Setup } from "../setup.ts";

/**
 * The server listens on 127.0.0.1:PORT; the client dials 127.0.0.3:PORT, another host that is
 * up (the kernel owns all of 127.0.0.0/8) but runs nothing there, so it answers with a RST.
 */
export const wrongHost: Setup = {
  name: "wrong-host",
  tier: "lab",
  describe: "server on 127.0.0.1:PORT, client dials 127.0.0.3:PORT; that host answers RST",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    return { target: { url: `http://127.0.0.3:${server.port}/` }, close: () => server.close() };
  },
};
