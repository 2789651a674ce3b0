import type { ClientName } from "@connlab/scenarios";
import { chromiumClient } from "./chromium.ts";
import type { Client } from "./client.ts";
import { curl } from "./curl.ts";
import { fetchClient } from "./fetch.ts";
import { nodeHttp } from "./node-http.ts";
import { nodeNet } from "./node-net.ts";
import { nodeWebSocket } from "./node-websocket.ts";
import { inOwnProcessWhenNeeded } from "./own-process.ts";
import { wsClient } from "./ws.ts";

export type { Client } from "./client.ts";

/** Every client the probes can drive, by the name scenarios use. */
export const clients: Partial<Record<ClientName, Client>> = {
  "node-net": inOwnProcessWhenNeeded(nodeNet),
  "node-http": inOwnProcessWhenNeeded(nodeHttp),
  curl,
  fetch: inOwnProcessWhenNeeded(fetchClient),
  ws: inOwnProcessWhenNeeded(wsClient),
  "node-websocket": inOwnProcessWhenNeeded(nodeWebSocket),
  chromium: chromiumClient,
};

export function getClient(name: ClientName): Client {
  const client = clients[name];
  if (!client) throw new Error(`client "${name}" is not implemented yet`);
  return client;
}
