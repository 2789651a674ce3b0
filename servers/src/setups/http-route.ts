import { startFastifyWs } from "../apps/fastify-ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The server-side fix for HTTP clients: one fastify route answers GET with 200 and still upgrades. */
export const httpRoute: Setup = {
  name: "http-route",
  tier: "lab",
  describe: "fastify on 127.0.0.1:PORT serves GET / over HTTP and upgrades WebSocket on the same route",
  start: async () => {
    const server = await startFastifyWs({ host: "127.0.0.1" });
    return running(`http://127.0.0.1:${server.port}/`, [server]);
  },
};
