import { startFastifyWs } from "../apps/fastify-ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The fix on the fastify side: @fastify/websocket registered and the route given a `wsHandler`. */
export const fastifyWebsocketRoute: Setup = {
  name: "fastify-websocket-route",
  tier: "lab",
  describe: "fastify with @fastify/websocket on 127.0.0.1:PORT: GET / upgrades and echoes",
  start: async () => {
    const server = await startFastifyWs({ host: "127.0.0.1" });
    return running(`ws://127.0.0.1:${server.port}/`, [server]);
  },
};
