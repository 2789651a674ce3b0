import { startWeb } from "../apps/web.ts";
import type { Setup } from "../setup.ts";

/**
 * The server binds 127.0.0.1 only; the client dials 127.0.0.2, standing for the machine's LAN
 * address. The kernel finds no socket bound to .2 (or to 0.0.0.0) on the port: RST.
 */
export const listenLoopback: Setup = {
  name: "listen-loopback",
  tier: "lab",
  describe: "server bound to 127.0.0.1:PORT, client dials 127.0.0.2:PORT (the 'LAN IP'); RST",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    return { target: { url: `http://127.0.0.2:${server.port}/` }, close: () => server.close() };
  },
};
