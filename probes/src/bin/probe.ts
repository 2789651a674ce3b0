import { parseArgs } from "node:util";
import { ClientName } from "@connlab/scenarios";
import { getClient } from "../clients/index.ts";

/**
 * One client, one attempt, one Observation as a JSON line on stdout: how reproduce() runs a
 * client inside a lab namespace (`ip netns exec NS node probe.ts --client … --url …`).
 * The target's extra environment arrives as this process's own environment.
 */
const { values } = parseArgs({
  options: {
    client: { type: "string" },
    url: { type: "string" },
    "timeout-ms": { type: "string", default: "2000" },
  },
});
const client = getClient(ClientName.parse(values.client));
const observation = await client.probe(
  { url: values.url ?? "", env: process.env as Record<string, string> },
  { timeoutMs: Number(values["timeout-ms"]) },
);
process.stdout.write(`${JSON.stringify(observation)}\n`);
