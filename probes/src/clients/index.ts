import type { ClientName } from "@connlab/scenarios";
import { chromiumClient } from "./chromium.ts";
import { type Client, watched } from "./client.ts";
import { curl } from "./curl.ts";
import { fetchClient } from "./fetch.ts";
import { nodeHttp } from "./node-http.ts";
import { nodeNet } from "./node-net.ts";
import { nodeWebSocket } from "./node-websocket.ts";
import { inOwnProcessWhen } from "./own-process.ts";
import { wsClient } from "./ws.ts";

export type { Client } from "./client.ts";

/** Every client the probes can drive, by the name scenarios use, each under the lab's watchdog. */
export const clients: Partial<Record<ClientName, Client>> = {
  "node-net": watched(nodeNet),
  // node:http honours proxy variables only when NODE_USE_ENV_PROXY=1 was set at start-up.
  // A client in its own process (own-process.ts) gets room for Node's start-up on a busy machine.
  "node-http": watched(
    inOwnProcessWhen(nodeHttp, (target) => target.env !== undefined),
    30_000,
  ),
  curl: watched(curl),
  // fetch (undici) has both: proxy variables read at start-up and no per-call lookup.
  fetch: watched(
    inOwnProcessWhen(fetchClient, (target) => target.env !== undefined || target.resolver !== undefined),
    30_000,
  ),
  ws: watched(wsClient),
  "node-websocket": watched(nodeWebSocket),
  // Chromium times the attempt itself, in the page; its launch on a busy machine is no part of it.
  chromium: watched(chromiumClient, 30_000),
};

export function getClient(name: ClientName): Client {
  const client = clients[name];
  if (!client) throw new Error(`client "${name}" is not implemented yet`);
  return client;
}
