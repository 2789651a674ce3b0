import type { Server, Socket } from "node:net";
import type { Listening } from "./http.ts";

/**
 * Listens on host:port (0: any free port) and returns a Listening whose close() destroys every
 * open connection first, so closing never waits for a client that keeps its socket. `tracked`
 * may already hold sockets of the app's own (a proxy's upstream connections).
 */
export async function listen(
  server: Server,
  options: { host: string; port?: number },
  tracked: Set<Socket> = new Set(),
): Promise<Listening> {
  server.on("connection", (socket) => {
    tracked.add(socket);
    socket.on("close", () => tracked.delete(socket));
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
        for (const socket of tracked) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
