import { CONNECTED } from "../connected.ts";
import type { Observation } from "../observation.ts";
import { type ConnectError, connectErrorText } from "./socketio-error.ts";

/** What the page's Socket.IO client came to, timed by the page's own clock. */
export type SocketIoOutcome =
  | { kind: "echo"; data: string; ms: number }
  | { kind: "connect_error"; error: ConnectError; ms: number }
  | { kind: "watchdog"; ms: number };

/**
 * Runs `io(url)` in the app's own page (its bundle, /socket.io/socket.io.js, loaded by the page
 * from the server), with the defaults, sends one text on "connect" and awaits its echo. The first
 * failure is the first "connect_error", as for the Node client (socketio-client.ts); the socket is
 * closed then, before its reconnections. Runs in the browser: no imports, no closures.
 */
export function connectInPage(args: {
  url: string;
  text: string;
  watchdogMs: number;
}): Promise<SocketIoOutcome> {
  return new Promise((resolve) => {
    const start = performance.now();
    const ms = () => Math.round(performance.now() - start);
    // The page's global, from the bundle the server serves.
    const { io } = globalThis as unknown as {
      io: (url: string) => {
        once(event: string, listener: (arg: never) => void): void;
        send(text: string): void;
        close(): void;
      };
    };
    const socket = io(args.url);
    setTimeout(() => {
      socket.close();
      resolve({ kind: "watchdog", ms: ms() });
    }, args.watchdogMs);
    socket.once("connect", () => socket.send(args.text));
    socket.once("message", (data: unknown) => {
      socket.close();
      resolve({ kind: "echo", data: String(data), ms: ms() });
    });
    socket.once(
      "connect_error",
      (error: Error & { type?: string; description?: unknown; context?: { responseText?: unknown } }) => {
        socket.close();
        const responseText = error.context?.responseText;
        resolve({
          kind: "connect_error",
          error: {
            message: error.message,
            ...(error.type ? { type: error.type } : {}),
            ...(typeof error.description === "number" ? { description: error.description } : {}),
            ...(typeof responseText === "string" ? { responseText } : {}),
          },
          ms: ms(),
        });
      },
    );
  });
}

/** The observation's fields for a page's outcome that is not the watchdog's. */
export function socketIoInPage(
  outcome: Exclude<SocketIoOutcome, { kind: "watchdog" }>,
  refusedStatus: number | undefined,
): Pick<Observation, "code" | "message" | "elapsedMs" | "clues"> {
  if (outcome.kind === "echo")
    return { code: CONNECTED, message: `echo: ${outcome.data}`, elapsedMs: outcome.ms };
  const [code, message] = connectErrorText(outcome.error);
  return {
    code,
    message,
    elapsedMs: outcome.ms,
    // The status the Network panel shows for the refused Socket.IO request.
    ...(refusedStatus !== undefined ? { clues: { httpStatus: refusedStatus } } : {}),
  };
}
