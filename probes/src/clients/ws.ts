import { createRequire } from "node:module";
import WebSocket from "ws";
import { CONNECTED } from "../connected.ts";
import { type Client, stopwatch } from "./client.ts";
import { labLookup } from "./system-resolver.ts";

const wsVersion = (createRequire(import.meta.url)("ws/package.json") as { version: string }).version;
const ping = "connlab ping";

/** ws's handshake failures carry no code; the status it names becomes HTTP_NNN like node-http's. */
function codeOf(error: Error & { code?: string }): string {
  if (error.code) return error.code;
  const status = /^Unexpected server response: (\d+)$/.exec(error.message)?.[1];
  if (status) return `HTTP_${status}`;
  if (error.message === "Opening handshake has timed out") return "ETIMEDOUT";
  return "WS_HANDSHAKE_ERROR";
}

/**
 * The ws package's WebSocket client: open (HTTP Upgrade, RFC 6455 §4), send one text message,
 * await its echo. Errors are reported as ws words them ("connect ECONNREFUSED …", "Unexpected
 * server response: 426", parser codes such as HPE_INVALID_CONSTANT for a non-HTTP peer). ws never
 * reads proxy variables: it dials the target itself.
 */
export const wsClient: Client = {
  name: "ws",
  version: async () => `ws ${wsVersion} (Node.js ${process.versions.node})`,
  probe: async (target, { timeoutMs }) => {
    const elapsed = stopwatch();
    const base = { client: "ws" as const, clientVersion: await wsClient.version(), exitCode: null };
    const url = target.url.replace(/^http/, "ws");
    return new Promise((resolve) => {
      let settled = false;
      const socket = new WebSocket(url, {
        handshakeTimeout: timeoutMs,
        rejectUnauthorized: false,
        ...(target.resolver ? { lookup: labLookup(target.resolver.dns) } : {}),
      });
      const finish = (code: string, message: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.terminate();
        resolve({ ...base, code, message, elapsedMs: elapsed() });
      };
      const timer = setTimeout(() => finish("ETIMEDOUT", `no echo within ${timeoutMs} ms`), timeoutMs);
      socket.once("open", () => socket.send(ping));
      socket.once("message", (data) => {
        const text = String(data);
        finish(text === ping ? CONNECTED : "WS_UNEXPECTED_MESSAGE", `echoed "${text}"`);
      });
      socket.once("error", (error) => finish(codeOf(error), error.message));
      socket.once("close", (code, reason) => finish("WS_CLOSED", `closed ${code} ${String(reason)}`.trim()));
    });
  },
};
