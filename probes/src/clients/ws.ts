import { createRequire } from "node:module";
import WebSocket from "ws";
import { CONNECTED } from "../connected.ts";
import { subprotocolSetting } from "./application-settings.ts";
import { type Client, stopwatch } from "./client.ts";
import { echoText } from "./echo.ts";
import { labLookup } from "./system-resolver.ts";

/**
 * ws rejects a failed handshake with plain `Error`s that carry no code (abortHandshake in
 * ws/lib/websocket.js); these are the codes the catalogue gives them. Errors from below (the
 * HTTP parser's HPE_*, the OS's ECONNREFUSED, OpenSSL's EPROTO) keep their own `code`.
 */
const handshakeCodes: readonly (readonly [RegExp, string])[] = [
  [/^Unexpected server response: /, "WS_UNEXPECTED_RESPONSE"],
  [/^Invalid Sec-WebSocket-Accept header$/, "WS_INVALID_ACCEPT"],
  [/^Invalid Upgrade header$/, "WS_INVALID_UPGRADE"],
  // Asked for a subprotocol, and the 101 names none (RFC 6455 §4.1: the client must fail).
  [/^Server sent no subprotocol$/, "WS_NO_SUBPROTOCOL"],
];

function codeOf(error: Error & { code?: string }): string {
  if (error.code) return error.code;
  return handshakeCodes.find(([pattern]) => pattern.test(error.message))?.[1] ?? "WS_ERROR";
}

const wsVersion = (createRequire(import.meta.url)("ws/package.json") as { version: string }).version;

/**
 * The `ws` package, the WebSocket client most Node code uses, with its defaults (no handshake
 * timeout): open, send one text (after `idleMs` of silence, when the target says), await its echo. TLS verification is on, as by default: a
 * certificate scenario fails it for real.
 */
export const wsClient: Client = {
  name: "ws",
  version: async () => `ws ${wsVersion} (Node.js ${process.versions.node})`,
  probe: async (target) => {
    const settings = subprotocolSetting("ws", target.protocols);
    const base = {
      client: "ws" as const,
      clientVersion: await wsClient.version(),
      exitCode: null,
      ...(settings.length > 0 ? { settings } : {}),
    };
    // Timed from here: the other clients' start (a curl spawn, a page) is no part of this attempt.
    const elapsed = stopwatch();
    // Given an http:// target (a refused-* scenario), dial it as ws:// the way a user would.
    const url = target.url.replace(/^http/, "ws");
    return new Promise((resolve) => {
      let settled = false;
      let idle: NodeJS.Timeout | undefined;
      const socket = new WebSocket(url, [...(target.protocols ?? [])], {
        // The rootless lab's own DNS server stands in for the machine's resolver.
        ...(target.resolver ? { lookup: labLookup(target.resolver.dns) } : {}),
      });
      const finish = (code: string, message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(idle);
        socket.removeAllListeners();
        socket.on("error", () => {});
        socket.terminate();
        resolve({ ...base, code, message, elapsedMs: elapsed() });
      };
      const sendText = () => socket.send(echoText);
      // An application that stays silent once open (target.idleMs) sends its text only then.
      socket.once("open", () => {
        if (target.idleMs) idle = setTimeout(sendText, target.idleMs);
        else sendText();
      });
      socket.once("message", (data) => finish(CONNECTED, `echo: ${String(data)}`));
      socket.once("error", (error) => finish(codeOf(error), error.message));
      // A close without a close frame (the peer's FIN or RST) is ws's 1006, and no "error" event.
      socket.once("close", (code, reason) =>
        finish(`WS_CLOSED_${code}`, `closed ${code} ${String(reason)}`.trim()),
      );
    });
  },
};
