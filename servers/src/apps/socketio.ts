import { createServer } from "node:http";
import { Server } from "socket.io";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/**
 * The page an app serves beside its Socket.IO server: it loads the client bundle the server
 * itself serves (`serveClient`, on by default) from the same origin, so nothing comes from a CDN
 * and the browser's requests need no CORS. The browser probes run their `io()` in it.
 */
const page = `<!doctype html>
<html><head><meta charset="utf-8"><title>connlab socket.io</title>
<script src="/socket.io/socket.io.js"></script></head><body></body></html>
`;

/**
 * A healthy Socket.IO server (the `socket.io` package, default options: Engine.IO opens with an
 * HTTP long-polling handshake, then upgrades to WebSocket) that echoes every "message". Its
 * sessions live in this process's memory only: another server knows none of them.
 */
export async function startSocketIo(options: { host: string }): Promise<Listening> {
  const http = createServer((_request, response) => {
    // Engine.IO answers /socket.io/ itself; everything else is the app's page.
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(page);
  });
  const io = new Server(http);
  io.on("connection", (socket) => {
    socket.on("message", (data: unknown) => socket.send(data));
  });
  const listening = await listen(http, options);
  return {
    ...listening,
    close: async () => {
      // Ends Engine.IO's sessions and their timers; listen's close() ends the HTTP server.
      io.engine.close();
      await listening.close();
    },
  };
}
