import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { scenarioIds, scenarios } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

const docs = join(repoRoot, "site", "src", "content", "docs");
const locales = { es: docs, en: join(docs, "en") } as const;

/** The template every scenario page follows, heading by heading. */
const headings = {
  es: ["Síntoma", "Qué pasa en la red", "Compruébalo tú mismo", "Reprodúcelo", "Solución", "Relacionados"],
  en: ["Symptom", "What happens on the wire", "Check it yourself", "Reproduce it", "Fix", "Related"],
} as const;

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".mdx"))
    .map((f) => join(dir, f));
}

/** The frontmatter fields this test needs; values are plain or JSON-quoted YAML scalars. */
function frontmatter(file: string): { title?: string; scenario?: string } {
  const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, "utf8"));
  const fields: Record<string, string> = {};
  for (const line of match?.[1]?.split("\n") ?? []) {
    const field = /^(title|scenario): (.*)$/.exec(line);
    if (field?.[1] && field[2]) fields[field[1]] = field[2].startsWith('"') ? JSON.parse(field[2]) : field[2];
  }
  return fields;
}

const spanish = mdxFiles(docs).filter((f) => !relative(docs, f).startsWith("en/"));
const english = mdxFiles(locales.en);

describe("site pages", () => {
  it.each(scenarios.map((s) => [s.id, s] as const))("%s has its page in es and en", (id, scenario) => {
    for (const [lang, root] of Object.entries(locales) as [keyof typeof locales, string][]) {
      const file = join(root, `${scenario.docs}.mdx`);
      const data = frontmatter(file);
      expect(data, `${lang}: ${relative(repoRoot, file)}`).toEqual({
        title: scenario.title[lang],
        scenario: id,
      });
    }
  });

  it("names only catalogue ids, each on exactly one page per locale", () => {
    for (const files of [spanish, english]) {
      const named = files.map((f) => frontmatter(f).scenario).filter((id) => id !== undefined);
      expect(named.filter((id) => !scenarioIds.includes(id))).toEqual([]);
      expect([...named].sort()).toEqual([...scenarioIds].sort());
    }
  });

  it("has the same pages in both locales", () => {
    const paths = (files: string[], root: string) => files.map((f) => relative(root, f)).sort();
    expect(paths(english, locales.en)).toEqual(paths(spanish, docs));
  });

  it("follows the scenario template on every scenario page", () => {
    for (const [lang, root] of Object.entries(locales) as [keyof typeof locales, string][]) {
      for (const scenario of scenarios) {
        const text = readFileSync(join(root, `${scenario.docs}.mdx`), "utf8");
        const found = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
        expect(found, `${lang}: ${scenario.id}`).toEqual([...headings[lang]]);
        for (const part of ["<Summary />", "<Symptom />", "<Reproduce />", "<FixSummary />", "<Related />"]) {
          expect(text, `${lang}: ${scenario.id} lacks ${part}`).toContain(part);
        }
      }
    }
  });
});
