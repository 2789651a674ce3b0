import { readdirSync } from "node:fs";
import { join } from "node:path";
import { categories, getScenario, Scenario, scenarioIds, scenarios } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

/**
 * The ids the guide teaches, pinned here on purpose: people who clone the repo have no copy of
 * the content brief, so this list is the contract. Adding a scenario means adding it here.
 */
const guideIds = [
  "refused-wrong-port",
  "refused-wrong-host",
  "refused-dns-wrong-ip",
  "refused-cdn",
  "refused-not-listening",
  "refused-proxy",
  "refused-loopback-only",
  "refused-localhost-ipv6",
  "refused-docker-unpublished-port",
  "timeout-firewall",
  "timeout-security-group",
  "timeout-panel-firewall",
  "timeout-host-down",
  "timeout-dns-wrong-ip",
  "timeout-internal-ip",
  "addrnotavail-ephemeral-ports",
  "addrnotavail-time-wait",
  "protocol-ws-to-http",
  "protocol-ws-to-raw-tcp",
  "protocol-http-to-ws",
  "protocol-tls-mismatch",
  "protocol-proxy-strips-upgrade",
];

describe("scenario catalogue", () => {
  it("declares exactly the guide's ids, in the guide's order", () => {
    expect(scenarioIds).toEqual(guideIds);
  });

  it("lists every declaration file in catalog/index.ts", () => {
    const dir = join(repoRoot, "scenarios", "src", "catalog");
    const files = readdirSync(dir)
      .filter((f) => f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.sort()).toEqual([...scenarioIds].sort());
  });

  it("validates every declaration against the schema", () => {
    for (const scenario of scenarios) expect(Scenario.safeParse(scenario).success).toBe(true);
  });

  it("covers every category", () => {
    expect(new Set(scenarios.map((s) => s.category))).toEqual(new Set(categories));
  });

  it("names only known scenarios as related, never itself", () => {
    for (const scenario of scenarios) {
      for (const related of scenario.related) {
        expect(scenarioIds, `${scenario.id} → ${related}`).toContain(related);
        expect(related).not.toBe(scenario.id);
      }
    }
  });

  it("gives each scenario its own docs page", () => {
    const slugs = scenarios.map((s) => s.docs);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("rejects a declaration whose id does not match its category", () => {
    const bad = { ...getScenario("refused-wrong-port"), id: "timeout-wrong-port" };
    const result = Scenario.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain('id must start with "refused-"');
  });

  it("rejects an expectation whose message is not a valid pattern", () => {
    const base = getScenario("refused-wrong-port");
    const bad = { ...base, expect: [{ client: "node-net", code: "ECONNREFUSED", message: "(" }] };
    const result = Scenario.safeParse(bad);
    expect(result.error?.issues[0]?.message).toBe("not a valid regular expression");
  });

  it("names the valid ids when asked for an unknown one", () => {
    expect(() => getScenario("refused-nope")).toThrow(
      expect.objectContaining({
        code: "unknown-scenario",
        exitStatus: 2,
        message: expect.stringMatching(/^unknown scenario "refused-nope"; valid ids: refused-wrong-port, /),
      }),
    );
  });
});
