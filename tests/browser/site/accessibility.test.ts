import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations } from "./axe.ts";
import { visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

// The full sitemap walk (renders.test.ts) runs axe in the light theme; here one page of each
// layout runs in the dark theme too, where the diagrams and tables use other colours.
const layouts = [
  "/",
  "/refused/",
  "/refused/not-listening/",
  "/en/errors/",
  "/en/addrnotavail/kernel-tuning/",
];

describe("accessibility in the dark theme", () => {
  const siteUrl = inject("siteUrl");
  let browser: Browser;

  beforeAll(async () => {
    browser = await tierBrowser();
  });
  afterAll(async () => browser?.close());

  it.each(layouts)("axe reports no violation on %s", async (path) => {
    const context = await browser.newContext({ colorScheme: "dark" });
    try {
      const page = await context.newPage();
      await visit(page, `${siteUrl}${path}`);
      expect(await page.getAttribute("html", "data-theme")).toBe("dark");
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
