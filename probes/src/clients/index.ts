import type { ClientName } from "@connlab/scenarios";
import { chromiumClient } from "./chromium.ts";
import type { Client } from "./client.ts";
import { curl } from "./curl.ts";
import { fetchClient } from "./fetch.ts";
import { firefoxClient } from "./firefox.ts";
import { nodeHttp } from "./node-http.ts";
import { nodeNet } from "./node-net.ts";
import { nodeWebSocket } from "./node-websocket.ts";
import { inOwnProcessWhen } from "./own-process.ts";
import { socketIoClient } from "./socketio-client.ts";
import { wsClient } from "./ws.ts";

export type { Client } from "./client.ts";

/**
 * Each client as it runs in a process started for one target alone (bin/probe.ts, in a lab
 * namespace or for the docker probe), whose environment is the target's from its start: there
 * Node reads the proxy variables at start-up as a user's program does, so no Node client needs
 * a process of its own (a third Node start-up, on a busy machine, inside the run's watchdog).
 */
const inTargetProcess: Readonly<Record<ClientName, Client>> = {
  "node-net": nodeNet,
  "node-http": nodeHttp,
  curl,
  fetch: fetchClient,
  ws: wsClient,
  "node-websocket": nodeWebSocket,
  "socket.io-client": socketIoClient,
  chromium: chromiumClient,
  firefox: firefoxClient,
};

/**
 * Every client the probes can drive, by the name scenarios use, each with its default options,
 * as it runs in a process shared by many targets (the CLI, the tests).
 * The lab's watchdog is observe()'s (reproduce.ts), around all of them alike.
 */
export const clients: Readonly<Record<ClientName, Client>> = {
  ...inTargetProcess,
  // node:http honours proxy variables only when NODE_USE_ENV_PROXY=1 was set at start-up.
  // Every Node client reads an extra CA (NODE_EXTRA_CA_CERTS) only at start-up too.
  "node-http": inOwnProcessWhen(nodeHttp, (target) => target.env !== undefined || target.trust !== undefined),
  // fetch (undici) has both: proxy variables read at start-up and no per-call lookup.
  fetch: inOwnProcessWhen(
    fetchClient,
    (target) => target.env !== undefined || target.resolver !== undefined || target.trust !== undefined,
  ),
  ws: inOwnProcessWhen(wsClient, (target) => target.trust !== undefined),
  "node-websocket": inOwnProcessWhen(nodeWebSocket, (target) => target.trust !== undefined),
};

/** A client by name; `inTargetProcess` when this process was started with the target's environment. */
export function getClient(name: ClientName, where: "shared" | "inTargetProcess" = "shared"): Client {
  return where === "shared" ? clients[name] : inTargetProcess[name];
}
