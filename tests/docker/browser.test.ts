import {
  browserProbeService,
  composeProject,
  dockerScenario,
  formatReport,
  type ProbeReport,
} from "@connlab/docker";
import { judge } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The browser profile as a user runs it — `docker compose --profile browser run probe-browser
 * --scenario …` — on one scenario of each category the stack has (and the one only Docker
 * reproduces): the probe's image carries Debian's Chromium, so every Chromium row is judged
 * against the declaration like the other clients', in the probe and in the client containers.
 */
const ids = [
  "refused-wrong-port",
  "refused-docker-unpublished-port",
  "timeout-firewall",
  "addrnotavail-ephemeral-ports",
  "protocol-ws-to-http",
  "closed-docker-published-loopback",
];
const stack = composeProject(`connlab-test-browser-${process.pid}`);
let run: { exitCode: number | undefined; stdout: string; stderr: string };
let report: ProbeReport | undefined;

describe("docker compose --profile browser", () => {
  beforeAll(async () => {
    const result = await stack.run(
      [
        "--profile",
        "browser",
        "run",
        "--rm",
        browserProbeService,
        "--json",
        ...ids.flatMap((id) => ["--scenario", id]),
      ],
      600_000,
    );
    run = { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
    report = JSON.parse(run.stdout.slice(run.stdout.indexOf("{"))) as ProbeReport;
  }, 1_500_000);

  afterAll(async () => {
    await stack.run(["--profile", "browser", "down", "-v", "--remove-orphans", "-t", "2"], 120_000);
  }, 120_000);

  it("exits 0: every scenario reproduced, Chromium included", () => {
    // The lines marked ✗ first, as the readable report prints them: the first line of a failure
    // is all a CI summary shows.
    const failed = (report ? formatReport(report) : "")
      .split("\n")
      .filter((l) => l.trimStart().startsWith("✗"));
    expect(run.exitCode, `${failed.join(" | ")}\n${run.stdout}\n${run.stderr}`).toBe(0);
    expect(report?.counts).toEqual({ reproduced: ids.length, failed: 0, unverified: 0 });
  });

  it.each(ids)("%s has Chromium's row, judged against its declaration", (id) => {
    const result = report?.scenarios.find((s) => s.scenario === id);
    // Firefox is in no image (it runs only where it reaches nothing but the lab): the browser
    // tier records its rows, and the probe says so for each scenario that declares one.
    const firefox = getScenario(id).expect.some((e) => e.client === "firefox");
    expect(result?.skipped.map((s) => s.client)).toEqual(firefox ? ["firefox"] : []);
    const row = result?.observations.find((o) => o.client === "chromium");
    // The stack's own expectation where its Chromium meets another outcome (stack.ts override).
    const declared = [...(dockerScenario(id).override?.expect ?? []), ...getScenario(id).expect].find(
      (e) => e.client === "chromium",
    );
    if (!row || !declared)
      throw new Error(`${id}: no Chromium row or declaration in ${JSON.stringify(result)}`);
    // The declared outcome or one of its measured alternatives (a FIN/RST race).
    expect(judge(row, declared), `${row.code}: ${row.message}`).toEqual({ ok: true, why: "" });
    expect(row.ok).toBe(true);
    expect(row.clientVersion).toMatch(/^Chromium \d+/);
    // The documented fix, in the client container's browser twin: Chromium connects too.
    if (result?.fixed) {
      expect(result.fixed.observations.find((o) => o.client === "chromium")).toMatchObject({ ok: true });
    }
  });
});
