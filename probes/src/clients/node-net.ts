import { Socket } from "node:net";
import { CONNECTED } from "../connected.ts";
import { type Client, stopwatch } from "./client.ts";
import { labLookup } from "./system-resolver.ts";

/**
 * node:net, the lowest-level Node client: one TCP connect with Node 24's defaults (no connect
 * timeout of its own, autoSelectFamily on). A dropped SYN ends when the kernel's SYN retries do.
 */
export const nodeNet: Client = {
  name: "node-net",
  version: async () => `Node.js ${process.versions.node}`,
  probe: async (target) => {
    const url = new URL(target.url);
    const port = Number(url.port);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const base = { client: "node-net" as const, clientVersion: await nodeNet.version(), exitCode: null };
    // Timed from here: the other clients' start (a curl spawn, a page) is no part of this attempt.
    const elapsed = stopwatch();
    return new Promise((resolve) => {
      const socket = new Socket();
      socket.once("connect", () => {
        socket.destroy();
        resolve({ ...base, code: CONNECTED, message: `connected to ${host}:${port}`, elapsedMs: elapsed() });
      });
      socket.once("error", (error: NodeJS.ErrnoException) => {
        resolve({ ...base, code: error.code ?? "ERROR", message: error.message, elapsedMs: elapsed() });
      });
      // The lab's resolver, when the target has one, is this connect's own `lookup` option.
      const lookup = target.resolver ? { lookup: labLookup(target.resolver.dns) } : {};
      socket.connect({ host, port, ...lookup });
    });
  },
};
