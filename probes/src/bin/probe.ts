import { parseArgs } from "node:util";
import type { ClientName } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import { loadUndici } from "../clients/fetch.ts";
import { getClient } from "../clients/index.ts";

/**
 * Clients run inside a lab namespace: `ip netns exec NS node probe.ts --client A --client B
 * --target JSON --watchdog-ms …` runs them concurrently (one attempt each, with their defaults, as
 * observe() does outside) and prints `{"started":true}` once loaded, then each Observation as
 * one JSON line as soon as it is known, so that a run the watchdog ends still shows what the
 * other clients saw. The target's extra environment arrives as this process's own environment.
 */
const { values } = parseArgs({
  options: {
    client: { type: "string", multiple: true, default: [] },
    target: { type: "string" },
    "watchdog-ms": { type: "string" },
  },
});
// This process was started with the target's environment (probeEnv), which curl passes on whole.
const target: Target = { ...JSON.parse(values.target ?? "{}"), env: process.env as Record<string, string> };
const watchdogMs = Number(values["watchdog-ms"]);
const clients = values.client.map((name) => getClient(name as ClientName, "inTargetProcess"));
// Each client warmed up first: a browser launched for this target, `curl --version` run, so
// their start-up on a busy machine neither delays the other clients' callbacks (and so their
// measured times) nor counts against the watchdog.
await Promise.all(
  clients.map((client) => (client.warmUp?.(target) ?? client.version()).catch(() => undefined)),
);
// undici too: its synchronous compile would stall every other client's callbacks (fetch.ts).
if (values.client.includes("fetch")) await loadUndici();
// Loaded: from here on the caller's watchdog measures the clients, not Node's start-up.
process.stdout.write(`${JSON.stringify({ started: true })}\n`);
await Promise.all(
  clients.map(async (client) => {
    const observation = await client.probe(target, { watchdogMs });
    await new Promise((resolve) => process.stdout.write(`${JSON.stringify(observation)}\n`, resolve));
  }),
);
// Exit now: undici keeps its keep-alive pool, and a client the watchdog gave up on still has
// its socket in flight; either would hold the process after every observation is known.
process.exit(0);
