import { parseArgs } from "node:util";
import type { ClientName } from "@connlab/scenarios";
import { getClient } from "../clients/index.ts";

/**
 * Clients run inside a lab namespace: `ip netns exec NS node probe.ts --client A --client B
 * --url … --timeout-ms …` runs them concurrently (one attempt each, as reproduce() does outside)
 * and prints one Observation per line, in the order given. The target's extra environment
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
const observations = await Promise.all(
  values.client.map((name) => getClient(name as ClientName).probe(target, { timeoutMs })),
);
process.stdout.write(observations.map((o) => `${JSON.stringify(o)}\n`).join(""), () => {
  // Exit now: a run the watchdog ended still has its socket in flight, and undici keeps its
  // keep-alive pool; either would hold the process after the observations are known.
  process.exit(0);
});
