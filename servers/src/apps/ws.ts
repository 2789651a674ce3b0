import { WebSocketServer } from "ws";
import type { Listening } from "./http.ts";

/**
 * The healthy WebSocket server (ws): accepts the upgrade on any path and echoes every message.
 * A plain HTTP request gets ws's own answer, 426 Upgrade Required.
 */
export async function startWs(options: { host: string; port?: number }): Promise<Listening> {
  const wss = new WebSocketServer({ host: options.host, port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    wss.once("listening", resolve);
    wss.once("error", reject);
  });
  wss.on("connection", (socket) =>
    socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary })),
  );
  const address = wss.address();
  if (address === null || typeof address === "string") throw new Error("ws did not report a TCP port");
  return {
    host: options.host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
