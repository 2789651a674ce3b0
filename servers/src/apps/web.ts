import Fastify from "fastify";
import { WebSocketServer } from "ws";
import type { Listening } from "./http.ts";

/**
 * The healthy web app most readers run: one port answering `GET /` with 200 "hello" and
 * accepting WebSocket upgrades (echo), like a fastify app with a ws endpoint. The refused-*
 * setups use it so HTTP and WebSocket clients probe the same listener.
 */
export async function startWeb(options: { host: string; port?: number }): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.get("/", async () => "hello\n");
  await app.listen({ host: options.host, port: options.port ?? 0 });
  // ws takes the server's `upgrade` events, which fastify leaves alone.
  const wss = new WebSocketServer({ server: app.server });
  wss.on("connection", (socket) =>
    socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary })),
  );
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("fastify did not report a TCP port");
  return {
    host: options.host,
    port: address.port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await app.close();
    },
  };
}
