import { startWeb } from "../apps/web.ts";
import type { Setup } from "../setup.ts";

/** The fix: the server binds 0.0.0.0, every local address; the client's SYN to .2 is accepted. */
export const listenAny: Setup = {
  name: "listen-any",
  tier: "lab",
  describe: "server bound to 0.0.0.0:PORT, client dials 127.0.0.2:PORT",
  start: async () => {
    const server = await startWeb({ host: "0.0.0.0" });
    return { target: { url: `http://127.0.0.2:${server.port}/` }, close: () => server.close() };
  },
};
