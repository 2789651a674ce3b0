/**
 * `pnpm bench:network [rounds] [concurrency|all]`: reproduces every scenario this machine can
 * run, broken and fixed, every client at once, `concurrency` scenarios at a time (default 2, as
 * `connlab record` and the tests do), for a few rounds. With `all`, on a 2-core machine, the
 * fork() of each curl and Node child blocks the event loop of the process hosting the servers
 * for tens of ms, and loopback answers start to overrun their "answer" window: the figures say so. Prints the whole catalogue's wall
 * time per round and each scenario's median; figures only, nothing is asserted (the issue's
 * target is under 30 s for the whole network catalogue).
 */
import { reproduce, reproducibleHere } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { removeLeftovers } from "@connlab/servers";

// What dead runs left goes first, so it neither collides with nor slows this run.
await removeLeftovers();
const rounds = Math.min(Math.max(Number(process.argv[2] ?? 5) || 5, 1), 20);
const selected = scenarios.filter(reproducibleHere);
const concurrency = process.argv[3] === "all" ? selected.length : Math.max(Number(process.argv[3]) || 2, 1);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const perScenario = new Map<string, number[]>(selected.map((s) => [s.id, []]));
const walls: number[] = [];
/** The runs that disagreed with their declaration, each with why: a flaky scenario to chase. */
const disagreements: string[] = [];
for (let round = 1; round <= rounds; round++) {
  const start = performance.now();
  const queue = [...selected];
  const worker = async () => {
    for (let scenario = queue.shift(); scenario; scenario = queue.shift()) {
      const began = performance.now();
      const [broken, fixed] = await Promise.all([reproduce(scenario), reproduce(scenario, { fixed: true })]);
      perScenario.get(scenario.id)?.push(performance.now() - began);
      for (const report of [broken, fixed]) {
        if (report.ok) continue;
        const clients = report.observations.filter((o) => !o.ok).map((o) => `${o.client}: ${o.why}`);
        const why = [report.failure, ...clients].filter(Boolean).join("; ");
        disagreements.push(`${scenario.id}${report.fixed ? " --fixed" : ""}: ${why}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  walls.push(performance.now() - start);
  process.stdout.write(
    `round ${round}/${rounds}: ${selected.length} scenarios × broken+fixed in ${walls.at(-1)?.toFixed(0)} ms\n`,
  );
}

const clientsPerRound = selected.reduce((n, s) => n + 2 * s.expect.length, 0);
process.stdout.write(`\nscenario                           median ms (broken+fixed, concurrently)\n`);
for (const [id, times] of perScenario)
  process.stdout.write(`${id.padEnd(34)} ${median(times).toFixed(0).padStart(6)}\n`);
process.stdout.write(
  `\nwhole catalogue: median ${median(walls).toFixed(0)} ms, max ${Math.max(...walls).toFixed(0)} ms ` +
    `(${selected.length} scenarios, ${concurrency} at a time, ${clientsPerRound} client runs per round, ` +
    `${rounds} rounds)\n`,
);
if (disagreements.length > 0) {
  process.stdout.write(`note: ${disagreements.length} scenario runs disagreed with their declaration:\n`);
  for (const line of disagreements) process.stdout.write(`  ${line}\n`);
}
