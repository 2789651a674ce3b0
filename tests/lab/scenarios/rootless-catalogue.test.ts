import {
  type BothWays,
  comparable,
  normaliseMessage,
  readArtifact,
  reproduceBothWays,
  reproducibleHere,
  toRecord,
  watchdogMs,
} from "@connlab/probes";
import { type ClientName, clientNames, scenarios } from "@connlab/scenarios";
import { setups } from "@connlab/servers";
import { beforeAll, describe, expect, it } from "vitest";
import { withoutFirefox } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";

// Every scenario the rootless lab reproduces, derived from the declarations: adding one with
// `lab` setups adds its tests here. The root lab's scenarios are compared by its own tier.
const rootless = scenarios.filter(
  (s) =>
    reproducibleHere(s) &&
    setups.get(s.fault.name)?.tier === "lab" &&
    setups.get(s.fix.apply.name)?.tier === "lab",
);

// Firefox's rows are the browser tier's (tests/browser/firefox/rows.test.ts, and the protocol and
// policy console-text tests): each of its runs starts a Firefox in a namespace of its own,
// seconds of CPU that would stretch the other clients' loopback answers here, and this tier does
// not need Firefox installed.
const labClients: readonly ClientName[] = clientNames.filter((client) => client !== "firefox");

// One run of the whole rootless catalogue, broken and fixed, serves both the per-scenario
// assertions and the artifact comparison: running it twice at once on a 2-core machine would
// only stretch loopback answers past their "answer" window (scenarios/src/timers.ts).
const runs = new Map<string, BothWays>();
// The hook's bound follows the catalogue: two workers, each scenario's two runs at once, and
// none ended by anything but the runs' own watchdog (plus a minute for Chromium's start-up).
const workers = 2;
beforeAll(
  async () => {
    for (const run of await reproduceBothWays(rootless, { concurrency: workers, clients: labClients })) {
      runs.set(run.scenario.id, run);
    }
  },
  Math.ceil(rootless.length / workers) * watchdogMs + 60_000,
);

function runOf(id: string): BothWays {
  const run = runs.get(id);
  if (!run) throw new Error(`${id} did not run`);
  return run;
}

describe("rootless lab", () => {
  it("reproduces at least the refused scenarios that need no privileges", () => {
    expect(rootless.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        "refused-wrong-port",
        "refused-wrong-host",
        "refused-dns-wrong-ip",
        "refused-not-listening",
        "refused-proxy",
        "refused-loopback-only",
        "refused-localhost-ipv6",
      ]),
    );
  });

  describe.each(rootless.map((s) => [s.id, s] as const))("%s", (id, scenario) => {
    it("each client observes the declared code and message", () => {
      expectAsDeclared(runOf(id).broken, withoutFirefox(scenario));
    });

    it("each client connects once the fix is applied", () => {
      expectAsDeclared(runOf(id).fixed, withoutFirefox(scenario));
    });
  });
});

describe("probes/observations.json", () => {
  it("normalises ports, addresses, timings and the request a race picked, and nothing else", () => {
    expect(
      normaliseMessage(
        "curl: (7) Failed to connect to 127.0.0.3 port 41251 after 12 ms: Couldn't connect to server",
      ),
    ).toBe("curl: (7) Failed to connect to ADDR port PORT after N ms: Couldn't connect to server");
    expect(normaliseMessage("connect ECONNREFUSED ::1:39087")).toBe("connect ECONNREFUSED ADDR:PORT");
    expect(normaliseMessage("fetch failed")).toBe("fetch failed");
    expect(normaliseMessage("write EPROTO 40AD61A4457F0000:error:0A00010B:SSL routines")).toBe(
      "write EPROTO THREAD:error:0A00010B:SSL routines",
    );
    expect(normaliseMessage("curl: (28) Connection timed out after 2001 milliseconds")).toBe(
      "curl: (28) Connection timed out after N milliseconds",
    );
    expect(normaliseMessage("connect_error: xhr poll error; description: 400")).toBe(
      normaliseMessage("connect_error: xhr post error; description: 400"),
    );
  });

  it.each(rootless.map((s) => s.id))("records what %s's clients print today", (id) => {
    const committed = readArtifact()?.scenarios[id];
    expect(committed, `${id} is not in probes/observations.json: run \`pnpm connlab record\``).toBeDefined();
    const thisTier = (record: Record<"broken" | "fixed", string[]>) => ({
      broken: record.broken.filter((line) => !line.startsWith("firefox ")),
      fixed: record.fixed.filter((line) => !line.startsWith("firefox ")),
    });
    const scenario = runOf(id).scenario;
    if (committed) {
      expect(comparable(toRecord(runOf(id)), scenario)).toEqual(thisTier(comparable(committed, scenario)));
    }
  });
});
