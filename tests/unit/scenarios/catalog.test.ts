import { readdirSync } from "node:fs";
import { join } from "node:path";
import { categories, getScenario, scenarioIds, scenarios } from "@connlab/scenarios";
import { Scenario } from "@connlab/scenarios/schema";
import { describe, expect, it } from "vitest";
import { chapters } from "../../../scenarios/src/catalog/index.ts";
import { repoRoot } from "../../helpers/cli.ts";

describe("scenario catalogue", () => {
  // The catalogue is one file per category and nothing else lists ids: this reads the folder.
  it("has one declaration file per category, beside its index", () => {
    const files = readdirSync(join(repoRoot, "scenarios", "src", "catalog"));
    expect(files.sort()).toEqual([...categories.map((c) => `${c}.ts`), "index.ts"].sort());
  });

  it("keeps the guide's order: one block per category, in the categories' order", () => {
    const order = scenarios.map((s) => categories.indexOf(s.category));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  // The catalogue loads without the schema library (start-up time): the schema checks every
  // declaration here, and what it gives back must be exactly what the catalogue loaded.
  it("validates every declaration against the schema, with the defaults the catalogue fills in", () => {
    const declarations: readonly { readonly id: string }[] = categories.flatMap(
      (c): readonly { id: string }[] => chapters[c],
    );
    expect(declarations).toHaveLength(scenarios.length);
    for (const declaration of declarations) {
      const parsed = Scenario.safeParse(declaration);
      expect(parsed.error?.issues ?? [], declaration.id).toEqual([]);
      expect(getScenario(declaration.id)).toStrictEqual(parsed.data);
    }
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
