import { startProxy } from "../apps/proxy.ts";
import { startWs } from "../apps/ws.ts";
import type { Setup } from "../setup.ts";
import { running } from "./listening.ts";

/**
 * A reverse proxy in front of the healthy ws server that drops `Upgrade` and `Connection`: ws
 * receives a plain GET and answers `426 Upgrade Required`, which the proxy relays.
 */
export const proxyStripsUpgrade: Setup = {
  name: "proxy-strips-upgrade",
  tier: "lab",
  describe: "a proxy on 127.0.0.1:PORT strips Upgrade/Connection before the ws server; it answers 426",
  start: async () => {
    const upstream = await startWs({ host: "127.0.0.1" });
    const proxy = await startProxy({ host: "127.0.0.1", upstreamPort: upstream.port, forwardUpgrade: false });
    return running(`ws://127.0.0.1:${proxy.port}/`, [proxy, upstream]);
  },
};
