import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dockerScenario } from "@connlab/docker";
import { type Scenario, scenarios } from "@connlab/scenarios";
import { setups } from "@connlab/servers";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

/**
 * A scenario is the unit: declaring one must be enough to see what it still lacks. Each test
 * below names the scenario and the missing part: its page in a locale, its probe (setups for
 * the fault and the fix) or its compose service. Every client exists: the probes' map of them is
 * total over ClientName, and the docker wiring is keyed by the catalogue's docker ids.
 */
const each = scenarios.map((s) => [s.id, s] as const);
const locales = [
  { locale: "es", dir: join(repoRoot, "site", "src", "content", "docs") },
  { locale: "en", dir: join(repoRoot, "site", "src", "content", "docs", "en") },
];

describe("every scenario is complete", () => {
  it.each(each)("%s has its page in every locale, naming it in its frontmatter", (id, scenario) => {
    for (const { locale, dir } of locales) {
      const page = join(dir, `${scenario.docs}.mdx`);
      expect(existsSync(page), `${id}: no ${locale} page at ${page}`).toBe(true);
      expect(readFileSync(page, "utf8"), `${id}: ${locale} page lacks "scenario: ${id}"`).toMatch(
        new RegExp(`^scenario: ${id}$`, "m"),
      );
    }
  });

  const labScenarios = each.filter(([, s]) => s.reproducibleIn.some((t) => t === "lab" || t === "lab-root"));
  it.each(labScenarios)("%s has lab setups for its fault and its fix", (id, scenario: Scenario) => {
    const fault = setups.get(scenario.fault.name);
    const fix = setups.get(scenario.fix.apply.name);
    expect(fault, `${id}: no setup "${scenario.fault.name}"`).toBeDefined();
    expect(fix, `${id}: no setup "${scenario.fix.apply.name}"`).toBeDefined();
    expect(scenario.reproducibleIn, `${id}: its fault needs ${fault?.tier}`).toContain(fault?.tier);
  });

  const dockerScenarios = each.filter(([, s]) => s.reproducibleIn.includes("docker"));
  const compose = readFileSync(join(repoRoot, "docker", "compose.yaml"), "utf8");
  it.each(dockerScenarios)("%s has its compose services", (id) => {
    const wiring = dockerScenario(id);
    for (const service of wiring.services) {
      expect(compose, `${id}: service ${service} is not in docker/compose.yaml`).toMatch(
        new RegExp(`^  ${service}:$`, "m"),
      );
    }
  });
});
