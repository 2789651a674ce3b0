import { createRequire } from "node:module";
import { io } from "socket.io-client";
import { CONNECTED } from "../observation.ts";
import { type Client, stopwatch } from "./client.ts";
import { echoText } from "./echo.ts";
import { connectErrorText } from "./socketio-error.ts";

const version = (createRequire(import.meta.url)("socket.io-client/package.json") as { version: string })
  .version;

/**
 * `socket.io-client` as people use it: `io(url)` with its defaults (long-polling first, then the
 * upgrade to WebSocket; reconnection on, forever), `send()` one text on "connect", await its echo.
 *
 * The first failure is the first "connect_error": the event Socket.IO's docs tell an app to
 * listen to, fired once the session's first attempt fails (the handshake is answered, then a
 * request with its sid is refused), before the manager's own first reconnection. The probe
 * records it and closes the socket: what follows is the same failure again, every reconnection.
 */
export const socketIoClient: Client = {
  name: "socket.io-client",
  version: async () => `socket.io-client ${version} (Node.js ${process.versions.node})`,
  probe: async (target) => {
    const base = {
      client: "socket.io-client" as const,
      clientVersion: await socketIoClient.version(),
      exitCode: null,
    };
    const elapsed = stopwatch();
    return new Promise((resolve) => {
      const socket = io(target.url);
      const finish = (code: string, message: string) => {
        socket.removeAllListeners();
        socket.close();
        resolve({ ...base, code, message, elapsedMs: elapsed() });
      };
      socket.once("connect", () => socket.send(echoText));
      socket.once("message", (data: unknown) => finish(CONNECTED, `echo: ${String(data)}`));
      socket.once("connect_error", (error) => finish(...connectErrorText(error)));
    });
  },
};
