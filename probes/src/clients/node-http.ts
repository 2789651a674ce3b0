import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { CONNECTED } from "../connected.ts";
import { type Client, stopwatch } from "./client.ts";
import { labLookup } from "./system-resolver.ts";

/**
 * node:http / node:https: one GET, as most Node servers-to-servers code does it. Errors carry
 * the operating-system code (ECONNREFUSED) or OpenSSL's (EPROTO) in `error.code`.
 */
export const nodeHttp: Client = {
  name: "node-http",
  version: async () => `Node.js ${process.versions.node} http`,
  probe: async (target, { timeoutMs }) => {
    const elapsed = stopwatch();
    const base = { client: "node-http" as const, clientVersion: await nodeHttp.version(), exitCode: null };
    const url = new URL(target.url.replace(/^ws/, "http"));
    const request = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = request(url, {
        ...(target.resolver ? { lookup: labLookup(target.resolver.dns) } : {}),
        method: "GET",
        signal: AbortSignal.timeout(timeoutMs),
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
        const code = error.name === "AbortError" ? "ETIMEDOUT" : (error.code ?? "ERROR");
        resolve({ ...base, code, message: error.message, elapsedMs: elapsed() });
      });
      req.end();
    });
  },
};
