import { parseArgs } from "node:util";
import type { ClientName } from "@connlab/scenarios";
import { getClient } from "../clients/index.ts";

/**
 * Clients run inside a lab namespace: `ip netns exec NS node probe.ts --client A --client B
 * --url … --timeout-ms …` runs them concurrently (one attempt each, as observe() does outside)
 * and prints `{"started":true}` once loaded, then each Observation as one JSON line as soon as it is known, so that a run the
 * watchdog ends still shows what the other clients saw. The target's extra environment
 * arrives as this process's own environment.
 */
const { values } = parseArgs({
  options: {
    client: { type: "string", multiple: true, default: [] },
    url: { type: "string" },
    "timeout-ms": { type: "string", default: "2000" },
  },
});
const target = { url: values.url ?? "", env: process.env as Record<string, string> };
const timeoutMs = Number(values["timeout-ms"]);
const clients = values.client.map((name) => getClient(name as ClientName));
// Loaded: from here on the caller's watchdog measures the clients, not Node's start-up.
process.stdout.write(`${JSON.stringify({ started: true })}\n`);
await Promise.all(
  clients.map(async (client) => {
    const observation = await client.probe(target, { timeoutMs });
    await new Promise((resolve) => process.stdout.write(`${JSON.stringify(observation)}\n`, resolve));
  }),
);
// Exit now: a client whose attempt ended may still have a connect in flight (undici keeps its
// own connect timer; the kernel keeps retrying the SYN) that would hold the process, and the run
// waiting on it, for seconds after every observation is known.
process.exit(0);
