import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ObservationsArtifact } from "@connlab/probes/artifact";
import { scenarios } from "@connlab/scenarios";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";
import { eachPage, visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

const artifact = ObservationsArtifact.parse(
  JSON.parse(readFileSync(join(repoRoot, "probes", "observations.json"), "utf8")),
);
const langs = ["es", "en"] as const;

interface Setting {
  setting: string;
  defaultNote: Record<(typeof langs)[number], string>;
}
/** The settings a row ran with; rows recorded before settings existed have none. */
const settingsOf = (o: object): readonly Setting[] => (o as { settings?: Setting[] }).settings ?? [];

/** What a reader sees in the Symptom table: each row's cells, the clues and the notes under it. */
interface Rendered {
  rows: string[][];
  clues: string[];
  notes: string;
}

// Every recorded row appears on its page in both locales as a reader sees it: the client's
// name and version, every non-default setting it ran with beside them, its exact message, and
// under the table what tells apart a line other failures share (Firefox's clues) and what each
// setting changes against a default install.
describe("Symptom tables show every recorded row with its settings", () => {
  const siteUrl = inject("siteUrl");
  const recorded = scenarios.filter((s) => artifact.scenarios[s.id]);
  let browser: Browser;
  let rendered = new Map<string, Rendered>();
  const urlOf = (docs: string, lang: (typeof langs)[number]) =>
    `${siteUrl}${lang === "en" ? "/en" : ""}/${docs}/`;

  beforeAll(async () => {
    browser = await tierBrowser();
    const urls = recorded.flatMap((s) => langs.map((lang) => urlOf(s.docs, lang)));
    rendered = await eachPage(
      browser,
      urls,
      async (page, url) => {
        // The tables are in the HTML itself: no need to wait for images, fonts or scripts.
        await visit(page, url, "domcontentloaded");
        const table = page.locator(".connlab-observations").first();
        const rows = await table
          .locator("tbody tr")
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
          );
        const clues = await table.locator(".connlab-clues li").allInnerTexts();
        const notes = (await table.locator(".connlab-setting-notes").allInnerTexts()).join("\n");
        return { rows, clues, notes };
      },
      { reuseTab: true },
    );
  }, 300_000);
  afterAll(async () => browser?.close());

  it.each(recorded.map((s) => [s.id, s] as const))("%s", (id, scenario) => {
    const record = artifact.scenarios[id];
    for (const lang of langs) {
      const page = rendered.get(urlOf(scenario.docs, lang));
      expect(page, `${lang}: ${id} was not rendered`).toBeDefined();
      expect(page?.rows).toHaveLength(record?.broken.length ?? 0);
      for (const [i, o] of (record?.broken ?? []).entries()) {
        const [client = "", code = "", message = ""] = page?.rows[i] ?? [];
        expect(client).toContain(o.client);
        expect(client).toContain(o.clientVersion);
        for (const s of settingsOf(o)) {
          expect(client, `${lang}: ${id} ${o.client} lacks ${s.setting}`).toContain(s.setting);
          expect(page?.notes).toContain(s.setting);
          expect(page?.notes).toContain(s.defaultNote[lang]);
        }
        expect(code).toBe(o.code);
        expect(message).toBe(o.message);
      }
      const withClues = (record?.broken ?? []).filter((o) => o.clues);
      expect(page?.clues, `${lang}: ${id}'s clues`).toHaveLength(withClues.length);
      for (const [i, o] of withClues.entries()) {
        const shown = page?.clues[i] ?? "";
        expect(shown).toMatch(new RegExp(`^${o.client} `));
        for (const clue of Object.values(o.clues ?? {})) expect(shown).toContain(String(clue));
      }
    }
  });
});
