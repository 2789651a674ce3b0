import websocket from "@fastify/websocket";
import Fastify, { type FastifyInstance } from "fastify";
import type { Listening } from "./http.ts";
import type { Handshake } from "./ws.ts";

/**
 * The healthy fastify app that speaks both protocols on one port: `GET /` answers 200 "hello"
 * to plain HTTP and upgrades to a WebSocket echo when the request asks for it. The WebSocket
 * side exists only because the route is registered the @fastify/websocket way: the plugin first,
 * then `wsHandler` (or `{ websocket: true }`); a bare `app.get` never upgrades.
 * With `tls`, the same app behind HTTPS/WSS. `handshake`: ws's hooks, which the plugin hands on
 * to ws through its `options` (an Origin allow-list, a subprotocol choice).
 */
export async function startFastifyWs(options: {
  host: string;
  port?: number;
  tls?: { key: string; cert: string };
  handshake?: Handshake;
}): Promise<Listening> {
  // fastify types its HTTPS instance apart from the HTTP one; the routes are the same.
  const app = (
    options.tls ? Fastify({ logger: false, https: options.tls }) : Fastify({ logger: false })
  ) as FastifyInstance;
  await app.register(websocket, options.handshake ? { options: options.handshake } : {});
  app.route({
    method: "GET",
    url: "/",
    handler: async () => "hello\n",
    wsHandler: (socket) => {
      socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
    },
  });
  await app.listen({ host: options.host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("fastify did not report a TCP port");
  return { host: options.host, port: address.port, close: () => app.close() };
}
