import { createInterface } from "node:readline";
import { getScenario } from "@connlab/scenarios";
import { getClient } from "../clients/index.ts";
import type { FencedAnswer, FencedRequest } from "../own-network.ts";
import { reproduce } from "../reproduce.ts";

/**
 * reproduce() inside the network namespace own-network.ts made, for as long as the process that
 * started it keeps asking: one request per stdin line, one answer per stdout line, matched by
 * `n`. Runs may overlap, and one Firefox serves them all while they keep coming (its start-up is
 * seconds of CPU a run no longer pays). Each client warmed up first: it starts Firefox, whose
 * start-up (tens of seconds on a busy machine) then counts neither against the watchdog nor
 * between the setup's start and its clients. Ends when stdin closes: the parent let it go or
 * is gone, so nothing outlives it in the namespace.
 */
function send(answer: FencedAnswer): void {
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}

async function answer({ n, scenario, options }: FencedRequest): Promise<void> {
  try {
    // The target is not known before the setup starts: the shared browser is warmed up.
    await Promise.all(
      (options.clients ?? []).map((name) => {
        const client = getClient(name);
        return client.warmUp?.() ?? client.version();
      }),
    );
    send({ n, report: await reproduce(getScenario(scenario), options) });
  } catch (error) {
    send({ n, error: error instanceof Error ? error.message : String(error) });
  }
}

const requests = createInterface({ input: process.stdin });
requests.on("line", (line) => void answer(JSON.parse(line) as FencedRequest));
// Exit at once: a client's connect still in flight must not hold the namespace open.
requests.on("close", () => process.exit(0));
