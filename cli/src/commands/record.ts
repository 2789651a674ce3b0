import {
  artifactPath,
  mergeArtifact,
  readArtifact,
  reproduceBothWays,
  reproducibleHere,
  writeArtifact,
} from "@connlab/probes";
import { scenarioIds, scenarios } from "@connlab/scenarios";
import type { Command } from "commander";
import { paint } from "../output.ts";

export function registerRecord(program: Command): void {
  program
    .command("record")
    .description("reproduce every scenario this machine can, broken and fixed, into probes/observations.json")
    .action(async () => {
      const runnable = scenarios.filter(reproducibleHere);
      const runs = await reproduceBothWays(runnable);
      writeArtifact(mergeArtifact(readArtifact(), runs, scenarioIds));
      let failures = 0;
      for (const { scenario, broken, fixed } of runs) {
        const ok = broken.ok && fixed.ok;
        if (!ok) failures++;
        const mark = ok ? paint("green", "✓") : paint("red", "✗");
        process.stdout.write(`${mark} ${scenario.id}\n`);
        for (const o of [...broken.observations, ...fixed.observations].filter((x) => x.why !== "")) {
          process.stdout.write(`    ${o.client}: ${o.why}\n`);
        }
      }
      const skipped = scenarios.length - runnable.length;
      process.stdout.write(
        `recorded ${runs.length} scenarios into ${artifactPath}` +
          `${skipped ? ` (${skipped} need another tier and kept their previous record)` : ""}\n`,
      );
      // Recorded either way: the file holds what clients really printed. Exit 1 says the
      // declarations and reality disagree and need a look before committing.
      process.exitCode = failures > 0 ? 1 : 0;
    });
}
