import { getScenario } from "@connlab/scenarios";
import { getClient } from "../clients/index.ts";
import { type ReproduceOptions, reproduce } from "../reproduce.ts";

/**
 * reproduce() inside the network namespace own-network.ts made: `node reproduce.ts ID
 * OPTIONS_JSON` prints the Report as one JSON line. Each client's version first: it starts
 * Firefox, whose start-up (tens of seconds on a busy machine) then counts neither against the
 * watchdog nor between the setup's start and its clients.
 */
const [id = "", json = "{}"] = process.argv.slice(2);
const options = JSON.parse(json) as ReproduceOptions;
try {
  await Promise.all((options.clients ?? []).map((name) => getClient(name).version()));
  const report = await reproduce(getScenario(id), options);
  // Exit at once: a client's connect still in flight must not hold the namespace open.
  process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
