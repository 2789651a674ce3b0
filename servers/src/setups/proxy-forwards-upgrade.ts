import { startProxy } from "../apps/proxy.ts";
import { startWs } from "../apps/ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/** The fix: the same proxy tunnels the upgrade request and every byte after it to the ws server. */
export const proxyForwardsUpgrade: Setup = {
  name: "proxy-forwards-upgrade",
  tier: "lab",
  describe: "a proxy on 127.0.0.1:PORT forwards Upgrade/Connection and tunnels the WebSocket to ws",
  start: async () => {
    const upstream = await startWs({ host: "127.0.0.1" });
    const proxy = await startProxy({ host: "127.0.0.1", upstreamPort: upstream.port, forwardUpgrade: true });
    return running(`ws://127.0.0.1:${proxy.port}/`, [proxy, upstream]);
  },
};
