/**
 * Writes probes/observations.json: what every client printed, broken and fixed, for each
 * scenario the lab can already set up (and every client of it the probes implement). A stopgap
 * until `connlab record` lands; the site renders "not recorded yet" for the rest.
 * Run: node site/scripts/record-observations.ts
 */
import { writeFileSync } from "node:fs";
import { release } from "node:os";
import { clients, reproduce } from "@connlab/probes";
import { ObservationsArtifact, type ScenarioRecord } from "@connlab/probes/artifact";
import { type ClientName, type Scenario, scenarios } from "@connlab/scenarios";
import { setups } from "@connlab/servers";

const output = new URL("../../probes/observations.json", import.meta.url);

async function record(scenario: Scenario): Promise<ScenarioRecord | undefined> {
  const broken = setups.get(scenario.fault.name);
  const fixed = setups.get(scenario.fix.apply.name);
  if (!broken || !fixed || broken.tier !== "lab") return undefined;
  const implemented = scenario.expect.map((e) => e.client).filter((name: ClientName) => clients[name]);
  if (implemented.length === 0) return undefined;
  const [brokenReport, fixedReport] = await Promise.all([
    reproduce(scenario, { clients: implemented }),
    reproduce(scenario, { clients: implemented, fixed: true }),
  ]);
  for (const report of [brokenReport, fixedReport]) {
    for (const o of report.observations.filter((x) => x.why !== "")) {
      process.stderr.write(`${scenario.id}${report.fixed ? " (fixed)" : ""}: ${o.client}: ${o.why}\n`);
    }
  }
  const strip = (report: typeof brokenReport) =>
    report.observations.map(({ expected: _expected, why: _why, ...observation }) => {
      const classic = report.fixed
        ? undefined
        : scenario.expect.find((e) => e.client === observation.client)?.classic;
      return classic ? { ...observation, classic } : observation;
    });
  return { tier: broken.tier, broken: strip(brokenReport), fixed: strip(fixedReport) };
}

const recorded: Record<string, ScenarioRecord> = {};
for (const scenario of scenarios) {
  const result = await record(scenario);
  if (result) recorded[scenario.id] = result;
}
const artifact = ObservationsArtifact.parse({
  recordedAt: new Date().toISOString(),
  platform: `Linux ${release()} ${process.arch}, Node.js ${process.versions.node}`,
  scenarios: recorded,
});
writeFileSync(output, `${JSON.stringify(artifact, null, 2)}\n`);
process.stdout.write(
  `recorded ${Object.keys(recorded).join(", ") || "nothing"} → probes/observations.json\n`,
);
