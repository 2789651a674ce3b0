import { readFileSync, writeFileSync } from "node:fs";
import { release } from "node:os";
import type { Scenario } from "@connlab/scenarios";
import { ObservationsArtifact, type RecordedObservation, type ScenarioRecord } from "./artifact.ts";
import { type BothWays, tierOf } from "./catalogue.ts";
import { judge } from "./expectations.ts";
import { plainObservation } from "./observation.ts";
import type { Report } from "./reproduce.ts";

/** Where the committed artifact lives: probes/observations.json. */
export const artifactPath = new URL("../observations.json", import.meta.url).pathname;

function recorded(report: Report, scenario: Scenario): RecordedObservation[] {
  return report.observations.map((observation) => {
    const classic = scenario.expect.find((e) => e.client === observation.client)?.classic;
    return { ...plainObservation(observation), ...(classic && !report.fixed ? { classic } : {}) };
  });
}

export function toRecord(run: BothWays): ScenarioRecord {
  return {
    tier: tierOf(run.scenario),
    broken: recorded(run.broken, run.scenario),
    fixed: recorded(run.fixed, run.scenario),
  };
}

export function readArtifact(path = artifactPath): ObservationsArtifact | undefined {
  try {
    return ObservationsArtifact.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return undefined;
  }
}

/**
 * The artifact after a run: this run's scenarios replace their old records, and records of
 * scenarios this machine could not run (the root lab's, when recording rootless) are kept.
 */
export function mergeArtifact(
  previous: ObservationsArtifact | undefined,
  runs: readonly BothWays[],
  known: readonly string[],
): ObservationsArtifact {
  const scenarios: Record<string, ScenarioRecord> = {};
  const fresh = new Map(runs.map((run) => [run.scenario.id, toRecord(run)]));
  for (const id of known) {
    const record = fresh.get(id) ?? previous?.scenarios[id];
    if (record) scenarios[id] = record;
  }
  return {
    recordedAt: new Date().toISOString(),
    platform: `${process.platform === "linux" ? "Linux" : process.platform} ${release()} ${process.arch}, Node.js ${process.versions.node}`,
    scenarios,
  };
}

export function writeArtifact(artifact: ObservationsArtifact, path = artifactPath): void {
  writeFileSync(path, `${JSON.stringify(ObservationsArtifact.parse(artifact), null, 2)}\n`);
}

/**
 * What a fresh run must agree on: per client, the code and the message with ports, addresses,
 * timings and the request a race picked replaced by placeholders; for a client whose
 * declaration (`scenario`) lists a race's alternatives, any of them. Versions and elapsed times are informative only.
 */
export function comparable(
  record: ScenarioRecord,
  scenario?: Scenario,
): Record<"broken" | "fixed", string[]> {
  const line = (o: RecordedObservation) => `${o.client} ${o.code} ${normaliseMessage(o.message)}`;
  // A client whose declaration lists a race's outcomes shows any of them: the line names them all.
  const raced = (o: RecordedObservation) => {
    const expected = scenario?.expect.find((e) => e.client === o.client);
    if (!expected?.alternatives || !judge(o, expected).ok) return line(o);
    const outcomes = [expected, ...expected.alternatives].map((e) => `${e.code} /${e.message}/`);
    return `${o.client} one of ${outcomes.join(" | ")}`;
  };
  return { broken: record.broken.map(raced), fixed: record.fixed.map(line) };
}

export function normaliseMessage(message: string): string {
  return (
    message
      // OpenSSL prefixes each error with the id of the thread that hit it (ERR_print_errors).
      .replace(/\b[0-9A-F]{16}:error:/g, "THREAD:error:")
      .replace(/\b(\d{1,3}\.){3}\d{1,3}\b/g, "ADDR")
      .replace(/(?<![\w:])::1\b/g, "ADDR")
      // A port follows a host; a JSON value (`"code":1`) follows a quote.
      .replace(/(?<!"):\d+\b/g, ":PORT")
      .replace(/\bport \d+\b/g, "port PORT")
      .replace(/\bafter \d+ ms\b/g, "after N ms")
      .replace(/\bafter \d+ milliseconds\b/g, "after N milliseconds")
      // Engine.IO's POST and waiting GET leave together after the handshake: which one a
      // round-robin balancer sends to the server without the session varies run to run.
      .replace(/\bxhr (post|poll) error\b/g, "xhr post|poll error")
  );
}
