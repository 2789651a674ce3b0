import { scenarios } from "@connlab/scenarios";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

/** Types `query` into Starlight's Pagefind search on `url` and returns the result pages, best first. */
async function search(browser: Browser, url: string, query: string): Promise<string[]> {
  const page = await browser.newPage();
  try {
    // Starlight builds Pagefind's UI when the page is idle, importing its script then. Once, in a
    // fresh-clone run, the input never came within 30 s (likely a subresource Chromium aborted,
    // as visit() describes): load the page once more (two attempts fit the test's 60 s).
    const input = page.locator(".pagefind-ui__search-input");
    for (let attempt = 1; ; attempt++) {
      await visit(page, url);
      await page.locator("site-search button[data-open-modal]:visible").click();
      const ready = await input.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      if (ready || attempt === 2) break;
    }
    await input.fill(query);
    await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 10_000 });
    // Pagefind shows five pages at a time; load them all (a bounded number of times).
    const more = page.locator("button.pagefind-ui__button");
    for (let i = 0; i < 10 && (await more.isVisible()); i++) await more.click();
    // One entry per page (its first link); the nested links are sections of the same page.
    return await page
      .locator("li.pagefind-ui__result")
      .evaluateAll((items) => items.map((li) => li.querySelector("a")?.pathname ?? ""));
  } finally {
    await page.close();
  }
}

const pathsOf = (category: string, prefix: string) =>
  scenarios.filter((s) => s.category === category).map((s) => `${prefix}/${s.docs}/`);

/**
 * Pages that quote many messages (the error index, the doctor's real output) may rank first for
 * a code; among the guide's cause pages, the first must be the category's.
 */
const causePages = (results: readonly string[], prefix: string) =>
  results.filter((p) => new RegExp(`^${prefix}/(refused|timeout|addrnotavail|protocol)/`).test(p));

const inLocale = (path: string, lang: "es" | "en") => (lang === "en") === path.startsWith("/en/");

describe("search", () => {
  const siteUrl = inject("siteUrl");
  let browser: Browser;

  beforeAll(async () => {
    browser = await tierBrowser();
  });
  afterAll(async () => browser?.close());

  for (const [lang, prefix] of [
    ["es", ""],
    ["en", "/en"],
  ] as const) {
    it(`finds the refused pages for ECONNREFUSED (${lang})`, async () => {
      const results = await search(browser, `${siteUrl}${prefix}/`, "ECONNREFUSED");
      expect(results.filter((p) => !inLocale(p, lang))).toEqual([]);
      expect(causePages(results, prefix)[0]).toMatch(new RegExp(`^${prefix}/refused/`));
      expect(results).toContain(`${prefix}/refused/`);
    });

    it(`finds the addrnotavail pages for "Cannot assign requested address" (${lang})`, async () => {
      const results = await search(browser, `${siteUrl}${prefix}/`, "Cannot assign requested address");
      expect(results.filter((p) => !inLocale(p, lang))).toEqual([]);
      expect(causePages(results, prefix)[0]).toMatch(new RegExp(`^${prefix}/addrnotavail/`));
      expect(results).toEqual(expect.arrayContaining(pathsOf("addrnotavail", prefix)));
    });
  }
});
