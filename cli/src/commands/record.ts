import { getScenario, scenarioIds, scenarios } from "@connlab/scenarios";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { paint } from "../output.ts";

export function registerRecord(program: Command): void {
  program
    .command("record")
    .description(commandSummaries.record)
    .argument("[ids...]", "only these scenarios; every other one keeps its record")
    .action(async (ids: string[]) => {
      // An unknown id fails here, in one line, before anything runs.
      const chosen = ids.length > 0 ? ids.map(getScenario) : scenarios;
      // The lab (servers, clients, Chromium's driver) loads only once there is something to run.
      const [
        {
          artifactPath,
          mergeArtifact,
          readArtifact,
          recordableInDocker,
          reproduceBothWays,
          reproducibleHere,
          writeArtifact,
        },
        { dockerReady, removeDockerLeftovers, removeLeftovers },
      ] = await Promise.all([import("@connlab/probes"), import("@connlab/servers")]);
      await removeLeftovers();
      // Scenarios only Docker reproduces run from the stack's image when dockerd and the image
      // are here; otherwise they keep their previous record, as the root lab's do without root.
      const inDocker = chosen.some(recordableInDocker) && (await dockerReady());
      if (inDocker) await removeDockerLeftovers();
      const runnable = chosen.filter((s) => reproducibleHere(s) || (inDocker && recordableInDocker(s)));
      const runs = await reproduceBothWays(runnable);
      // Only runs that agree with their declarations are recorded: a timeout on a busy machine
      // must not reach the site. A disagreeing scenario keeps its previous record.
      const agreeing = runs.filter((run) => run.broken.ok && run.fixed.ok);
      writeArtifact(mergeArtifact(readArtifact(), agreeing, scenarioIds));
      let failures = 0;
      for (const { scenario, broken, fixed } of runs) {
        const ok = broken.ok && fixed.ok;
        if (!ok) failures++;
        const mark = ok ? paint("green", "✓") : paint("red", "✗");
        process.stdout.write(`${mark} ${scenario.id}\n`);
        for (const o of [...broken.observations, ...fixed.observations].filter((x) => !x.ok)) {
          process.stdout.write(`    ${o.client}: ${o.why}\n`);
        }
        for (const failure of [broken.failure, fixed.failure].filter(Boolean)) {
          process.stdout.write(`    run failed: ${failure}\n`);
        }
      }
      const skipped = chosen.length - runnable.length;
      process.stdout.write(
        `recorded ${agreeing.length} of ${runs.length} scenarios into ${artifactPath}` +
          `${skipped ? ` (${skipped} ${ids.length > 0 ? "not asked for" : "need another tier"} kept their previous record)` : ""}\n`,
      );
      // Exit 1: a declaration and reality disagree (or the machine was too busy): look first.
      process.exitCode = failures > 0 ? 1 : 0;
    });
}
