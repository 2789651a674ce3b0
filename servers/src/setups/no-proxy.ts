import { startWeb } from "../apps/web.ts";
import { unusedPort } from "../free-port.ts";
import type { Setup } from "../setup.ts";
import { proxyEnv } from "./proxy-env.ts";

/**
 * The fix: the same dead proxy stays configured, but NO_PROXY lists the server's address, so
 * every client dials the server directly.
 */
export const noProxy: Setup = {
  name: "no-proxy",
  tier: "lab",
  describe: "http_proxy still set, NO_PROXY=127.0.0.1: clients dial the server directly",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    const proxyPort = await unusedPort();
    const env = {
      ...proxyEnv(`http://127.0.0.1:${proxyPort}`),
      no_proxy: "127.0.0.1",
      NO_PROXY: "127.0.0.1",
    };
    return { target: { url: `http://127.0.0.1:${server.port}/`, env }, close: () => server.close() };
  },
};
