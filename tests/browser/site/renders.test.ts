import { scenarios } from "@connlab/scenarios";
import type { Browser, ConsoleMessage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, withAxe } from "./axe.ts";
import { eachPage, sitemapPages, visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

interface Visit {
  status: number | undefined;
  /** The page's language and its code blocks' copy-button labels, which must be in that language. */
  lang: string | null;
  copyLabels: string[];
  h1: string | null;
  errors: string[];
  violations: string[];
  /** At phone width (360 px), how far the page scrolls sideways, and the elements sticking out. */
  sideways: { overflow: number; culprits: string[] };
}

// Runs in the page: the document's horizontal overflow and up to three elements past the right edge.
const sidewaysScroll = `(() => {
  const root = document.documentElement;
  const culprits = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 3)
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
  return { overflow: root.scrollWidth - root.clientWidth, culprits };
})()`;

// One walk of the sitemap (both locales) collects what the tests below assert: loading every
// page twice would double the slowest part of the suite.
describe("every page of the built guide", () => {
  const siteUrl = inject("siteUrl");
  let browser: Browser;
  let pages: string[] = [];
  let visits = new Map<string, Visit>();

  beforeAll(async () => {
    browser = await tierBrowser();
    pages = await sitemapPages(siteUrl);
    visits = await eachPage(
      browser,
      pages,
      async (page, url) => {
        // A subresource aborted by ERR_NETWORK_CHANGED (see visit()) says nothing about the page:
        // load it again, at most twice.
        for (let attempt = 1; ; attempt++) {
          const errors: string[] = [];
          const onConsole = (message: ConsoleMessage) => {
            if (message.type() === "error") errors.push(message.text());
          };
          const onError = (error: Error) => errors.push(error.message);
          page.on("console", onConsole);
          page.on("pageerror", onError);
          const response = await visit(page, url);
          page.off("console", onConsole);
          page.off("pageerror", onError);
          if (attempt < 3 && errors.some((e) => e.includes("ERR_NETWORK_CHANGED"))) continue;
          const h1 = await page.locator("h1").first().textContent();
          const lang = await page.getAttribute("html", "lang");
          const copyLabels = await page
            .locator(".expressive-code .copy button")
            .evaluateAll((buttons) => [...new Set(buttons.map((b) => b.getAttribute("title") ?? ""))]);
          return {
            status: response?.status(),
            h1,
            lang,
            copyLabels,
            errors,
            violations: await axeViolations(page),
            sideways: await page
              .setViewportSize({ width: 360, height: 800 })
              .then(() => page.evaluate(sidewaysScroll) as Promise<Visit["sideways"]>),
          };
        }
      },
      { prepare: withAxe, reuseTab: true },
    );
    // 96 pages, each loaded, checked by axe and again at 360 px, two at a time on two cores (one
    // tab each, axe loaded with the page): 320 s before both. The bound is for a walk that hangs.
  }, 600_000);
  afterAll(async () => browser?.close());

  it("is listed in the sitemap, every scenario in both locales", () => {
    const paths = pages.map((url) => new URL(url).pathname);
    for (const scenario of scenarios) {
      expect(paths).toContain(`/${scenario.docs}/`);
      expect(paths).toContain(`/en/${scenario.docs}/`);
    }
    expect(paths.filter((p) => p.startsWith("/en/")).length * 2).toBe(paths.length);
    expect(visits.size).toBe(pages.length);
  });

  it("renders with a heading and no console error", () => {
    for (const [url, { status, h1, errors }] of visits) {
      expect({ status, h1, errors }, url).toEqual({
        status: 200,
        h1: expect.stringMatching(/\S/),
        errors: [],
      });
    }
  });

  it("speaks its locale's language, code blocks included", () => {
    for (const [url, { lang, copyLabels }] of visits) {
      const english = new URL(url).pathname.startsWith("/en/");
      expect(lang, url).toBe(english ? "en" : "es");
      for (const label of copyLabels)
        expect(label, url).toBe(english ? "Copy to clipboard" : "Copiar al portapapeles");
    }
  });

  it("does not scroll sideways at 360 px (a phone)", () => {
    for (const [url, { sideways }] of visits)
      expect(sideways.overflow, `${url} ${sideways.culprits}`).toBe(0);
  });

  it("has no axe violation", () => {
    for (const [url, { violations }] of visits) expect(violations, url).toEqual([]);
  });
});
