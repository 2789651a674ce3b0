import { CONNECTED } from "../observation.ts";
import { subprotocolSetting } from "./application-settings.ts";
import { type Client, stopwatch } from "./client.ts";
import { echoText } from "./echo.ts";

/**
 * Node's built-in WebSocket (undici, global since Node 22): open, send one text (after `idleMs`
 * of silence, when the target says), await its echo.
 * Like a browser, it tells the program nothing about why a handshake failed (WHATWG WebSockets
 * "fail the WebSocket connection"): an ErrorEvent with an empty message, then a CloseEvent with
 * code 1006. The observation is those two events, as a program that logs them sees them.
 */
export const nodeWebSocket: Client = {
  name: "node-websocket",
  version: async () => `Node.js ${process.versions.node} WebSocket (undici ${process.versions.undici})`,
  probe: async (target) => {
    const settings = subprotocolSetting("node-websocket", target.protocols);
    const base = {
      client: "node-websocket" as const,
      clientVersion: await nodeWebSocket.version(),
      exitCode: null,
      ...(settings.length > 0 ? { settings } : {}),
    };
    // Timed from here: the other clients' start (a curl spawn, a page) is no part of this attempt.
    const elapsed = stopwatch();
    return new Promise((resolve) => {
      let socket: WebSocket | undefined;
      let errorText: string | undefined;
      let idle: NodeJS.Timeout | undefined;
      const finish = (code: string, message: string) => {
        clearTimeout(idle);
        if (socket) {
          socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
          socket.close();
        }
        resolve({ ...base, code, message, elapsedMs: elapsed() });
      };
      try {
        socket = new WebSocket(target.url, [...(target.protocols ?? [])]);
      } catch (error) {
        // A bad URL throws synchronously (a DOMException named SyntaxError).
        finish(
          error instanceof Error ? error.name : "ERROR",
          error instanceof Error ? error.message : String(error),
        );
        return;
      }
      const opened = socket;
      const sendText = () => opened.send(echoText);
      // An application that stays silent once open (target.idleMs) sends its text only then.
      opened.onopen = () => {
        if (target.idleMs) idle = setTimeout(sendText, target.idleMs);
        else sendText();
      };
      opened.onmessage = (event) => finish(CONNECTED, `echo: ${String(event.data)}`);
      opened.onerror = (event) => {
        errorText = `ErrorEvent { message: ${JSON.stringify((event as Event & { message?: string }).message ?? "")} }`;
      };
      opened.onclose = (event) => {
        const closed = `CloseEvent { code: ${event.code}, reason: ${JSON.stringify(event.reason)} }`;
        finish(`WS_CLOSED_${event.code}`, errorText ? `${errorText} then ${closed}` : closed);
      };
    });
  },
};
