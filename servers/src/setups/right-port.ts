import { startWeb } from "../apps/web.ts";
import type { Setup } from "../setup.ts";

/** The fix for a wrong port: the client dials the port the server listens on; SYN, SYN-ACK. */
export const rightPort: Setup = {
  name: "right-port",
  tier: "lab",
  describe: "server on 127.0.0.1:PORT, client dials 127.0.0.1:PORT",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    return { target: { url: `http://127.0.0.1:${server.port}/` }, close: () => server.close() };
  },
};
