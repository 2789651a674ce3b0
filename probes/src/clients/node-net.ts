import { Socket } from "node:net";
import { CONNECTED } from "../connected.ts";
import { type Client, stopwatch } from "./client.ts";
import { labLookup } from "./system-resolver.ts";

/**
 * node:net, the lowest-level Node client: one TCP connect and nothing else. Node itself never
 * times a connect out (the kernel retries SYNs for about two minutes), so the bound is ours and
 * is reported as ETIMEDOUT, the code the kernel would give.
 */
export const nodeNet: Client = {
  name: "node-net",
  version: async () => `Node.js ${process.versions.node}`,
  probe: async (target, { timeoutMs }) => {
    const url = new URL(target.url);
    const port = Number(url.port);
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const elapsed = stopwatch();
    const base = { client: "node-net" as const, clientVersion: await nodeNet.version(), exitCode: null };
    return new Promise((resolve) => {
      // autoSelectFamily off: try the first address only, as most clients before Node 20 did.
      const socket = new Socket();
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({
          ...base,
          code: "ETIMEDOUT",
          message: `connect ETIMEDOUT ${host}:${port}`,
          elapsedMs: elapsed(),
        });
      }, timeoutMs);
      socket.once("connect", () => {
        clearTimeout(timer);
        socket.destroy();
        resolve({ ...base, code: CONNECTED, message: `connected to ${host}:${port}`, elapsedMs: elapsed() });
      });
      socket.once("error", (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve({ ...base, code: error.code ?? "ERROR", message: error.message, elapsedMs: elapsed() });
      });
      // The lab's resolver, when the target has one, is this connect's own `lookup` option.
      const lookup = target.resolver ? { lookup: labLookup(target.resolver.dns) } : {};
      socket.connect({ host, port, autoSelectFamily: false, ...lookup });
    });
  },
};
