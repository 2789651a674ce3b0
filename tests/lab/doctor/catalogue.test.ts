import { labLookup } from "@connlab/probes";
import { type LookupAll, namedCauses, runDoctor } from "@connlab/probes/doctor";
import { type DeclaredId, labIdleMs, type Scenario, scenarios } from "@connlab/scenarios";
import { type RunningSetup, setups } from "@connlab/servers";
import { afterAll, describe, expect, it } from "vitest";

// Driven by the catalogue: every scenario the rootless lab sets up is diagnosed by the doctor as
// a user runs it against the broken target. The verdict is in the scenario's category, and names
// the scenario when a rule claims to (namedCauses). A new rootless scenario joins here by its
// declaration alone.
// A policy only browsers enforce (mixed content) leaves nothing on the wire for the doctor to see.
const rootless = scenarios.filter((s) => setups.get(s.fault.name)?.tier === "lab" && !s.browserOnly);

const named: ReadonlySet<string> = new Set(namedCauses);

/** What a user would add on the command line for the doctor to see this fault at all. */
const asked: Partial<Record<DeclaredId, { expectIp?: string; idleMs?: number; socketIo?: boolean }>> = {
  // A wrong DNS answer only shows against the address the user expected the name to have.
  "refused-dns-wrong-ip": { expectIp: "127.0.0.1" },
  // An idle limit only shows to a socket kept silent past it (--idle), as the lab's client does.
  "closed-proxy-idle-timeout": { idleMs: labIdleMs },
  // A Socket.IO session shows only to a session opened and polled (--socketio), as its client does.
  "closed-socketio-no-sticky": { socketIo: true },
};

/** The lab's DNS server stands in for the machine's resolver, as it does for the clients. */
function doctorLookup(dns: string): LookupAll {
  const lookup = labLookup(dns);
  return (host) =>
    new Promise((resolve, reject) =>
      lookup(host, { all: true }, (error, found) =>
        error && error.code !== "ENOTFOUND" ? reject(error) : resolve(Array.isArray(found) ? found : []),
      ),
    );
}

const running: RunningSetup[] = [];
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
});

async function diagnose(scenario: Scenario) {
  const setup = setups.get(scenario.fault.name);
  if (!setup) throw new Error(`${scenario.id}: no setup ${scenario.fault.name}`);
  const started = await setup.start(scenario.fault.params ?? {});
  running.push(started);
  const { target } = started;
  return runDoctor(target.url, {
    locale: "en",
    env: { ...target.env },
    ...(target.resolver ? { lookup: doctorLookup(target.resolver.dns) } : {}),
    // The subprotocols the scenario's client asks for, as a reader passes them with --protocol.
    ...(target.protocols ? { protocols: target.protocols } : {}),
    ...asked[scenario.id as DeclaredId],
  });
}

describe("the doctor on every rootless scenario", () => {
  it("covers the rootless catalogue", () => {
    expect(rootless.length).toBeGreaterThanOrEqual(7);
  });

  it.concurrent.each(rootless.map((s) => [s.id, s] as const))(
    "%s: the verdict is in its category, and names it if a rule can",
    async (id, scenario) => {
      const report = await diagnose(scenario);
      if (named.has(id)) expect(report.verdict.causes.map((c) => c.id)).toContain(id);
      expect(report.verdict.category).toBe(scenario.category);
    },
  );
});
