import { startWeb } from "../apps/web.ts";
import { unusedPort } from "../free-port.ts";
import type { Setup } from "../setup.ts";
import { proxyEnv } from "./proxy-env.ts";

/**
 * The server is healthy on 127.0.0.1:PORT, but the client's environment sends it through a proxy
 * at 127.0.0.1:PROXY where nothing listens: the RST comes from the proxy's port, so the error
 * names the proxy's address, not the server's.
 */
export const clientProxyDown: Setup = {
  name: "client-proxy-down",
  tier: "lab",
  describe: "http_proxy=127.0.0.1:PROXY (nothing there); the proxy's port answers RST",
  start: async () => {
    const server = await startWeb({ host: "127.0.0.1" });
    const proxyPort = await unusedPort();
    return {
      target: { url: `http://127.0.0.1:${server.port}/`, env: proxyEnv(`http://127.0.0.1:${proxyPort}`) },
      close: () => server.close(),
    };
  },
};
