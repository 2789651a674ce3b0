import { startFastifyWs } from "../apps/fastify-ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The fix: the scheme matches the port, `ws://` (and `http://`) for the plain server. */
export const matchingScheme: Setup = {
  name: "matching-scheme",
  tier: "lab",
  describe: "ws:// against the plain HTTP/WebSocket server on 127.0.0.1:PORT",
  start: async () => {
    const server = await startFastifyWs({ host: "127.0.0.1" });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};
