import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { CONNECTED } from "../connected.ts";
import { type Client, stopwatch } from "./client.ts";
import { labLookup } from "./system-resolver.ts";

/**
 * node:http / node:https: one GET with Node's defaults (no timeout of its own), as most
 * server-to-server code does it. Errors carry the operating-system code (ECONNREFUSED) or
 * OpenSSL's (EPROTO) in `error.code`.
 */
export const nodeHttp: Client = {
  name: "node-http",
  version: async () => `Node.js ${process.versions.node} http`,
  probe: async (target) => {
    const base = { client: "node-http" as const, clientVersion: await nodeHttp.version(), exitCode: null };
    // Timed from here: the other clients' start (a curl spawn, a page) is no part of this attempt.
    const elapsed = stopwatch();
    const url = new URL(target.url.replace(/^ws/, "http"));
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = request(url, {
        ...(target.resolver ? { lookup: labLookup(target.resolver.dns) } : {}),
        method: "GET",
      });
      req.once("response", (res) => {
        res.resume();
        const status = `${res.statusCode} ${res.statusMessage}`;
        const ok = res.statusCode !== undefined && res.statusCode < 400;
        resolve({
          ...base,
          code: ok ? CONNECTED : `HTTP_${res.statusCode}`,
          message: status,
          elapsedMs: elapsed(),
        });
      });
      req.once("error", (error: NodeJS.ErrnoException) => {
        resolve({ ...base, code: error.code ?? "ERROR", message: error.message, elapsedMs: elapsed() });
      });
      req.end();
    });
  },
};
