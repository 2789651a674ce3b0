import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultPortBase, exercises } from "@connlab/workshop";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

const locales = { es: "site/src/content/docs/workshop", en: "site/src/content/docs/en/workshop" };
const page = (dir: string, name: string) => readFileSync(join(repoRoot, dir, `${name}.mdx`), "utf8");

// Every exercise has its page in both locales, tied to its scenario, built from the same Steps,
// naming the commands and ports the code really uses: the pages cannot drift from the code.
describe("workshop pages", () => {
  for (const [locale, dir] of Object.entries(locales)) {
    it(`${locale}: an index and facilitator notes exist`, () => {
      expect(page(dir, "index")).toMatch(/^---\ntitle: .+\ndescription: .+\n/);
      expect(page(dir, "facilitator")).toContain("bash docker/base/build-offline.sh");
    });

    for (const exercise of exercises) {
      it(`${locale}: ${exercise.name} has break/see/diagnose/fix/verify steps for its scenario`, () => {
        const text = page(dir, exercise.name);
        expect(text).toContain(`\npractices: ${exercise.scenario}\n`);
        expect(text).toContain("import { Steps } from '@astrojs/starlight/components';");
        expect(text.match(/^\d\. \*\*/gm)).toHaveLength(5);
        expect(text).toContain(`pnpm connlab workshop start ${exercise.name}`);
        expect(text).toContain(`pnpm connlab workshop check ${exercise.name}`);
        expect(text).toContain("pnpm connlab doctor");
        for (const { offset } of exercise.ports) expect(text).toContain(String(defaultPortBase + offset));
        // Absolute links: the build's links validator rejects relative ones.
        const prefix = locale === "en" ? "/en" : "";
        expect(page(dir, "index")).toContain(`](${prefix}/workshop/${exercise.name}/)`);
      });
    }
  }
});
