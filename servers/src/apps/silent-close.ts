import { createServer } from "node:net";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * A TCP server that reads the client's first bytes and closes (FIN) without sending one: what a
 * client sees from a service that drops anything it does not understand. It waits for the request
 * on purpose: closing right after accept races Chromium's connect, which then reports
 * net::ERR_SOCKET_NOT_CONNECTED instead of the closed handshake.
 */
export async function startSilentClose(options: { host: string; port?: number }): Promise<Listening> {
  const server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    socket.once("data", () => socket.end());
  });
  return listen(server, options);
}
