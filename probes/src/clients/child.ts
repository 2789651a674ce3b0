/**
 * A probe's own process (see own-process.ts): `node child.ts <client> <target-json> <watchdogMs>`
 * runs one Node client with this process's environment and prints its observation as JSON.
 * It loads only that client, so it starts fast even on a busy machine.
 */
import type { NodeClientName } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import type { Client } from "./client.ts";
import { useLabResolver } from "./system-resolver.ts";

const loaders: Readonly<Record<NodeClientName, () => Promise<Client>>> = {
  "node-net": () => import("./node-net.ts").then((m) => m.nodeNet),
  "node-http": () => import("./node-http.ts").then((m) => m.nodeHttp),
  fetch: () => import("./fetch.ts").then((m) => m.fetchClient),
  ws: () => import("./ws.ts").then((m) => m.wsClient),
  "node-websocket": () => import("./node-websocket.ts").then((m) => m.nodeWebSocket),
  "socket.io-client": () => import("./socketio-client.ts").then((m) => m.socketIoClient),
};

const [name, targetJson, watchdogMs] = process.argv.slice(2);
const load = Object.hasOwn(loaders, name ?? "") ? loaders[name as NodeClientName] : undefined;
if (!load || !targetJson) throw new Error("usage: child.ts <node client> <target json> <watchdogMs>");
const target = JSON.parse(targetJson) as Target;
// The resolver becomes this whole process's, as a machine's resolver is; the client gets none.
if (target.resolver) useLabResolver(target.resolver.dns);
const { env: _env, resolver: _resolver, ...plain } = target;
const observation = await (await load()).probe(plain, { watchdogMs: Number(watchdogMs) });
process.stdout.write(`${JSON.stringify(observation)}\n`, () => {
  // Exit now: sockets and agents the client keeps (undici's keep-alive pool) would otherwise
  // hold the process, and the run waiting on it, after the observation is known.
  process.exit(0);
});
