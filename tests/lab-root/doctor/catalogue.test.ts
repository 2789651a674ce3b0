import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { namedCauses } from "@connlab/probes/doctor";
import { type DeclaredId, getScenario, type Scenario, scenarios } from "@connlab/scenarios";
import { type RunningSetup, setups } from "@connlab/servers";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

const run = promisify(execFile);
const main = join(repoRoot, "cli", "src", "main.ts");

// Driven by the catalogue: every scenario the root lab sets up is diagnosed by the doctor, run
// as a user runs it on the client's machine (its namespace). The verdict is in the scenario's
// category, and names the scenario when a rule claims to (namedCauses). A new root-lab scenario
// joins here by its declaration alone.
const rootLab = scenarios.filter((s) => setups.get(s.fault.name)?.tier === "lab-root");

const named: ReadonlySet<string> = new Set(namedCauses);

/** What a user would add on the command line for the doctor to see this fault at all. */
const asked: Partial<Record<DeclaredId, readonly string[]>> = {
  // A DNS answer that is not the origin's only shows against the address the user expected.
  "timeout-dns-wrong-ip": ["--expect-ip", "198.18.0.2"],
  "refused-cdn": ["--expect-ip", "198.18.0.2"],
};

/**
 * Where a user finds the evidence: the server's own machine. Its kernel's queue of connections
 * no process accepted is visible there only; from the client it is a timeout like any other.
 */
const onTheServer: ReadonlySet<DeclaredId> = new Set(["timeout-server-backlog-full"]);

interface Report {
  verdict: { category: string; causes: { id: string; confidence: string }[] };
}

const running: RunningSetup[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

async function diagnose(scenario: Scenario, params: Readonly<Record<string, unknown>> = {}): Promise<Report> {
  const setup = setups.get(scenario.fault.name);
  if (!setup) throw new Error(`${scenario.id}: no setup ${scenario.fault.name}`);
  const started = await setup.start({ ...scenario.fault.params, ...params });
  running.push(started);
  const { target } = started;
  const where = onTheServer.has(scenario.id as DeclaredId) ? started.hosts?.server : target.netns;
  if (!where) throw new Error(`${scenario.id}: a root-lab target without the namespace to run the doctor in`);
  const args = ["netns", "exec", where, process.execPath, main, "doctor", target.url];
  // The doctor exits 1 when it finds a problem, which is every case here: read its JSON anyway.
  const { stdout } = await run("ip", [...args, ...(asked[scenario.id as DeclaredId] ?? []), "--json"], {
    env: { ...process.env, ...target.env, LANG: "en_US.UTF-8", LC_ALL: "" },
    timeout: 60_000,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
  return JSON.parse(stdout) as Report;
}

describe("the doctor on every root-lab scenario", () => {
  it("covers the root lab's catalogue", () => {
    expect(rootLab.length).toBeGreaterThanOrEqual(8);
  });

  it.concurrent.each(rootLab.map((s) => [s.id, s] as const))(
    "%s: the verdict is in its category, and names it if a rule can",
    async (id, scenario) => {
      const report = await diagnose(scenario);
      if (named.has(id)) expect(report.verdict.causes.map((c) => c.id)).toContain(id);
      expect(report.verdict.category).toBe(scenario.category);
    },
    // A root lab (namespaces, veths, a server process) per scenario, all at once on two cores.
    120_000,
  );
});

describe("the doctor behind a router that answers", () => {
  it("ranks timeout-host-down-routed first: an ICMP host-unreachable after ~3 s, off this subnet", async () => {
    const report = await diagnose(getScenario("timeout-host-down-routed"), { router: "answers" });
    expect(report.verdict.category).toBe("timeout");
    expect(report.verdict.causes[0]).toMatchObject({ id: "timeout-host-down-routed", confidence: "high" });
  }, 120_000);
});
