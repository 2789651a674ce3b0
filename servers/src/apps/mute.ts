import { createServer } from "node:net";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * A TCP server that accepts, reads whatever the client sends and never answers nor closes: the
 * connection is ESTABLISHED and silent, so only the client's own timer can end the attempt.
 */
export async function startMute(options: { host: string; port?: number }): Promise<Listening> {
  const server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    socket.resume();
  });
  return listen(server, options);
}
