import { type Category, categories, scenarios } from "@connlab/scenarios";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

// One scenario per category is enough: every page uses the same switcher.
const samples = categories.map((c: Category) => scenarios.find((s) => s.category === c)).filter((s) => !!s);

describe("language switcher", () => {
  const siteUrl = inject("siteUrl");
  let browser: Browser;

  beforeAll(async () => {
    browser = await tierBrowser();
  });
  afterAll(async () => browser?.close());

  it.each(samples.map((s) => [s.id, s.docs] as const))(
    "keeps %s when switching es → en → es",
    async (_id, docs) => {
      const page = await browser.newPage();
      try {
        await visit(page, `${siteUrl}/${docs}/`);
        const select = page.locator("starlight-lang-select select:visible");
        await Promise.all([
          page.waitForURL(`${siteUrl}/en/${docs}/`, { timeout: 10_000 }),
          select.selectOption({ label: "English" }),
        ]);
        expect(await page.getAttribute("html", "lang")).toBe("en");
        await Promise.all([
          page.waitForURL(`${siteUrl}/${docs}/`, { timeout: 10_000 }),
          select.selectOption({ label: "Español" }),
        ]);
        expect(await page.getAttribute("html", "lang")).toBe("es");
      } finally {
        await page.close();
      }
    },
  );
});
