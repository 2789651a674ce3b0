import {
  labIdleMs,
  labPingEveryMs,
  labProxyReadTimeoutMs,
  nginxDefaultReadTimeoutMs,
} from "@connlab/scenarios";
import type { WsListening } from "../apps/ws.ts";
import { startWs } from "../apps/ws.ts";
import { startNginx } from "../nginx/run.ts";
import type { Setup } from "../setup.ts";
import type { ServerSetting } from "../target.ts";
import { running } from "./listening.ts";

/** The lab's shortened limit, as it is written in nginx.conf (and recorded beside each row). */
const labReadTimeout = `${labProxyReadTimeoutMs / 1_000}s`;

const shortenedReadTimeout: ServerSetting = {
  setting: `proxy_read_timeout ${labReadTimeout};`,
  where: "proxy configuration",
  defaultNote: {
    es: `Con el valor por defecto (${nginxDefaultReadTimeoutMs / 1_000} s), nginx cierra igual la conexión inactiva, al cabo de un minuto.`,
    en: `With the default (${nginxDefaultReadTimeoutMs / 1_000} s) nginx closes the idle connection the same way, after a minute.`,
  },
};

/**
 * Debian's nginx on 127.0.0.1:PORT, configured for WebSockets as usual, in front of the healthy
 * ws server; the application opens its socket and stays silent (`idleMs`) past the proxy's limit.
 */
async function behindNginx(upstream: WsListening) {
  const proxy = await startNginx({
    host: "127.0.0.1",
    location: { upstream: `127.0.0.1:${upstream.port}`, readTimeout: labReadTimeout },
  }).catch(async (error: unknown) => {
    await upstream.close();
    throw error;
  });
  const setup = running(`ws://127.0.0.1:${proxy.port}/`, [proxy, upstream]);
  return {
    ...setup,
    target: { ...setup.target, idleMs: labIdleMs, serverSettings: [shortenedReadTimeout] },
  };
}

/**
 * Nothing crosses the proxy after the 101: when proxy_read_timeout passes with nothing read
 * from the server, nginx closes both connections with a FIN and no close frame (code 1006).
 */
export const proxyIdleTimeout: Setup = {
  name: "proxy-idle-timeout",
  tier: "lab",
  describe: `nginx on 127.0.0.1:PORT proxies a WebSocket to ws and closes it after ${labReadTimeout} without traffic`,
  start: async () => behindNginx(await startWs({ host: "127.0.0.1" })),
};

/** The fix: the same nginx, and the ws server pings every second, well inside the limit. */
export const proxyIdlePinged: Setup = {
  name: "proxy-idle-pinged",
  tier: "lab",
  describe: `the same nginx (${labReadTimeout}); the ws server pings every ${labPingEveryMs / 1_000} s, so the idle WebSocket stays open`,
  start: async () => behindNginx(await startWs({ host: "127.0.0.1", pingEveryMs: labPingEveryMs })),
};
