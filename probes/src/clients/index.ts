import type { ClientName } from "@connlab/scenarios";
import { chromiumClient } from "./chromium.ts";
import type { Client } from "./client.ts";
import { curl } from "./curl.ts";
import { fetchClient } from "./fetch.ts";
import { nodeHttp } from "./node-http.ts";
import { nodeNet } from "./node-net.ts";
import { nodeWebSocket } from "./node-websocket.ts";
import { inOwnProcessWhen } from "./own-process.ts";
import { wsClient } from "./ws.ts";

export type { Client } from "./client.ts";

/**
 * Every client the probes can drive, by the name scenarios use, each with its default options.
 * The lab's watchdog is observe()'s (reproduce.ts), around all of them alike.
 */
export const clients: Readonly<Record<ClientName, Client>> = {
  "node-net": nodeNet,
  // node:http honours proxy variables only when NODE_USE_ENV_PROXY=1 was set at start-up.
  // Every Node client reads an extra CA (NODE_EXTRA_CA_CERTS) only at start-up too.
  "node-http": inOwnProcessWhen(nodeHttp, (target) => target.env !== undefined || target.trust !== undefined),
  curl,
  // fetch (undici) has both: proxy variables read at start-up and no per-call lookup.
  fetch: inOwnProcessWhen(
    fetchClient,
    (target) => target.env !== undefined || target.resolver !== undefined || target.trust !== undefined,
  ),
  ws: inOwnProcessWhen(wsClient, (target) => target.trust !== undefined),
  "node-websocket": inOwnProcessWhen(nodeWebSocket, (target) => target.trust !== undefined),
  chromium: chromiumClient,
};

export function getClient(name: ClientName): Client {
  return clients[name];
}
