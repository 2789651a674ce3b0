import { startWs } from "../apps/ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/**
 * An HTTP client against the `ws` WebSocketServer: a GET without `Upgrade: websocket` is answered
 * by ws itself with `426 Upgrade Required` and the body "Upgrade Required".
 */
export const wsOnlyServer: Setup = {
  name: "ws-only-server",
  tier: "lab",
  describe: "the ws WebSocket server on 127.0.0.1:PORT answers plain HTTP with 426 Upgrade Required",
  start: async () => {
    const server = await startWs({ host: "127.0.0.1" });
    return running(`http://127.0.0.1:${server.port}/`, [server]);
  },
};
