import { z } from "zod";
import { startHttp } from "../apps/http.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";
import { parseParams } from "./params.ts";

const Params = z.object({ path: z.string().startsWith("/").default("/") }).strict();

/**
 * Plain fastify (a bare `app.get("/")`, no @fastify/websocket) on the port the client believes
 * is WebSocket: the upgrade request is answered like any GET, `200 OK` and a body; with
 * `path: "/ws"` (a path with no route) it is `404 Not Found`.
 */
export const httpOnlyOnWsPort: Setup = {
  name: "http-only-on-ws-port",
  tier: "lab",
  describe: "fastify speaks only HTTP on 127.0.0.1:PORT; a WebSocket upgrade gets 200 (404 off its route)",
  start: async (params) => {
    const { path } = parseParams("http-only-on-ws-port", Params, params);
    const server = await startHttp({ host: "127.0.0.1" });
    return running(`ws://127.0.0.1:${server.port}${path}`, [server]);
  },
};
