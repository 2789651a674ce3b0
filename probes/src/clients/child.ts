/**
 * A probe's own process (see own-process.ts): `node child.ts <client> <target-json> <timeoutMs>`
 * runs one Node client with this process's environment and prints its observation as JSON.
 */
import type { ClientName } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import type { Client } from "./client.ts";
import { fetchClient } from "./fetch.ts";
import { nodeHttp } from "./node-http.ts";
import { nodeNet } from "./node-net.ts";
import { nodeWebSocket } from "./node-websocket.ts";
import { useLabResolver } from "./system-resolver.ts";
import { wsClient } from "./ws.ts";

const nodeClients: Partial<Record<ClientName, Client>> = {
  "node-net": nodeNet,
  "node-http": nodeHttp,
  fetch: fetchClient,
  ws: wsClient,
  "node-websocket": nodeWebSocket,
};

const [name, targetJson, timeoutMs] = process.argv.slice(2);
const client = nodeClients[name as ClientName];
if (!client || !targetJson) throw new Error(`usage: child.ts <node client> <target json> <timeoutMs>`);
const target = JSON.parse(targetJson) as Target;
if (target.resolver) useLabResolver(target.resolver.dns);
const { env: _env, resolver: _resolver, ...plain } = target;
const observation = await client.probe(plain, { timeoutMs: Number(timeoutMs) });
process.stdout.write(`${JSON.stringify(observation)}\n`);
