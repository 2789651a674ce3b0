import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { type ServerOptions, WebSocketServer } from "ws";
import type { Listening } from "./http.ts";
import { listen } from "./listen.ts";

/** The hooks a ws server decides its handshake with: who may connect, which subprotocol it picks. */
export type Handshake = Pick<ServerOptions, "verifyClient" | "handleProtocols">;

export interface WsListening extends Listening {
  /** TCP connections the server accepted so far, handshake or not (0: no packet reached it). */
  accepted(): number;
}

/** ws's own answer to a request that does not ask for an upgrade (WebSocketServer with `port`). */
function upgradeRequired(_request: IncomingMessage, response: ServerResponse): void {
  const body = STATUS_CODES[426] ?? "Upgrade Required";
  response.writeHead(426, { "Content-Length": body.length, "Content-Type": "text/plain" });
  response.end(body);
}

/**
 * The healthy WebSocket server (ws): accepts the upgrade on any path and echoes every message.
 * A plain HTTP request gets ws's own answer, 426 Upgrade Required. `handshake` gives it the
 * hooks a real app sets (an Origin allow-list, a subprotocol choice); `tls` serves wss://;
 * `pingEveryMs` sends each socket a ping frame that often (the heartbeat ws's README shows), so
 * a connection that carries nothing else still carries traffic: the fix for a proxy's idle limit.
 * The HTTP server is ours (as ws builds one for `port`) so that we can count what reached it.
 */
export async function startWs(options: {
  host: string;
  port?: number;
  handshake?: Handshake;
  tls?: { key: string; cert: string };
  pingEveryMs?: number;
}): Promise<WsListening> {
  const server = options.tls
    ? createHttpsServer(options.tls, upgradeRequired)
    : createHttpServer(upgradeRequired);
  let accepted = 0;
  server.on("connection", () => {
    accepted += 1;
  });
  const wss = new WebSocketServer({ server, ...options.handshake });
  const { pingEveryMs } = options;
  wss.on("connection", (socket) => {
    socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
    if (pingEveryMs) {
      const heartbeat = setInterval(() => socket.ping(), pingEveryMs);
      socket.on("close", () => clearInterval(heartbeat));
    }
  });
  const listening = await listen(server, {
    host: options.host,
    ...(options.port ? { port: options.port } : {}),
  });
  return {
    ...listening,
    accepted: () => accepted,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await listening.close();
    },
  };
}
