import { parseArgs } from "node:util";
import type { ClientName } from "@connlab/scenarios";
import { getClient } from "../clients/index.ts";

/**
 * Clients run inside a lab namespace: `ip netns exec NS node probe.ts --client A --client B
 * --url … --timeout-ms …` runs them concurrently (one attempt each, as observe() does outside)
 * and prints each Observation as one JSON line as soon as it is known, so that a run the
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
await Promise.all(
  values.client.map(async (name) => {
    const observation = await getClient(name as ClientName).probe(target, { timeoutMs });
    await new Promise((resolve) => process.stdout.write(`${JSON.stringify(observation)}\n`, resolve));
  }),
);
// Exit now: a client whose attempt ended may still have a connect in flight (undici keeps its
// own connect timer; the kernel keeps retrying the SYN) that would hold the process, and the run
// waiting on it, for seconds after every observation is known.
process.exit(0);
