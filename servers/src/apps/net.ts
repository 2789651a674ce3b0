import { createServer } from "node:net";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * The healthy raw TCP server (node:net): a line protocol that greets with "HELLO connlab\n" and
 * echoes each line back. It speaks no HTTP, which is the point of the protocol scenarios.
 */
export async function startNet(options: { host: string; port?: number }): Promise<Listening> {
  const server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    socket.write("HELLO connlab\n");
    socket.pipe(socket);
  });
  return listen(server, options);
}
