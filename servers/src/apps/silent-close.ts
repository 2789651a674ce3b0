import { createServer, type Socket } from "node:net";
import type { Listening } from "./http.ts";

/**
 * A TCP server that reads the client's first bytes and closes (FIN) without sending one: what a
 * client sees from a service that drops anything it does not understand. It waits for the request
 * on purpose: closing right after accept races Chromium's connect, which then reports
 * net::ERR_SOCKET_NOT_CONNECTED instead of the closed handshake.
 */
export async function startSilentClose(options: { host: string; port?: number }): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    socket.once("data", () => socket.end());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host, resolve);
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return {
    host: options.host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
