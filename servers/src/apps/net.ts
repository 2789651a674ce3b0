import { createServer, type Socket } from "node:net";
import type { Listening } from "./http.ts";

/**
 * The healthy raw TCP server (node:net): a line protocol that greets with "HELLO connlab\n" and
 * echoes each line back. It speaks no HTTP, which is the point of the protocol scenarios.
 */
export async function startNet(options: { host: string; port?: number }): Promise<Listening> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    socket.write("HELLO connlab\n");
    socket.pipe(socket);
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
