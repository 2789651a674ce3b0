import { parseArgs } from "node:util";
import { reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { removeLeftovers, setups } from "@connlab/servers";
import pLimit from "p-limit";

/**
 * The root-lab part of the network catalogue's wall time: every scenario whose fault needs the
 * root lab, broken and fixed, all at once, as `connlab reproduce` runs them (each client bounded
 * at 2 s), at most `--concurrency` at a time (each run starts several node processes; on a
 * 2-core machine too many at once only queue for the CPU). Prints one line per run and the
 * total. Usage, as root: node bench/root-lab.ts [--concurrency 6]
 */
const { values } = parseArgs({ options: { concurrency: { type: "string", default: "6" } } });
const concurrency = Math.max(1, Number(values.concurrency));
const slot = pLimit(concurrency);

await removeLeftovers();
const rootScenarios = scenarios.filter((s) => setups.get(s.fault.name)?.tier === "lab-root");
const started = performance.now();
const runs = await Promise.all(
  rootScenarios.flatMap((scenario) =>
    [false, true].map((fixed) =>
      slot(async () => {
        const t0 = performance.now();
        const report = await reproduce(scenario, { fixed }).catch((error: Error) => error);
        const ms = performance.now() - t0;
        if (report instanceof Error)
          return { id: scenario.id, fixed, ok: false, ms, summary: report.message };
        const summary = report.observations.map((o) => `${o.client}=${o.code}`).join(" ");
        return { id: scenario.id, fixed, ok: report.ok, ms, summary };
      }),
    ),
  ),
);
const wallMs = performance.now() - started;
for (const run of runs) {
  const label = `${run.id}${run.fixed ? " --fixed" : ""}`;
  process.stdout.write(
    `${run.ok ? "✓" : "✗"} ${label.padEnd(38)} ${(run.ms / 1000).toFixed(1).padStart(5)} s  ${run.summary}\n`,
  );
}
const failed = runs.filter((r) => !r.ok).length;
process.stdout.write(
  `root lab: ${rootScenarios.length} scenarios × broken/fixed = ${runs.length} runs, ${failed} failed, wall time ${(wallMs / 1000).toFixed(1)} s\n`,
);
process.exitCode = failed === 0 ? 0 : 1;
