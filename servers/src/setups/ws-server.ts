import { startWs } from "../apps/ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The fix: the healthy `ws` WebSocketServer on the port the client targets; it echoes. */
export const wsServer: Setup = {
  name: "ws-server",
  tier: "lab",
  describe: "the ws WebSocket server on 127.0.0.1:PORT accepts the upgrade and echoes",
  start: async () => {
    const server = await startWs({ host: "127.0.0.1" });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};
