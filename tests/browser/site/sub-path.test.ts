import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";
import { serveStatic } from "../../helpers/static-server.ts";
import { eachPage, sitemapPages, visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

// The guide as published on a project site: built with CONNLAB_SITE_URL naming a sub-path and
// served only under it, as a static host would. Anything that forgot the base 404s here.
const publishedAt = "https://example.org/connlab/";
const base = "/connlab/";

/** Root-relative href/src values of a page's HTML: what the browser will ask the host for. */
const localRefs = (html: string) =>
  [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => (m[1] ?? "").replace(/#.*$/, ""));

describe("the guide published under a sub-path", () => {
  let outDir = "";
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser;
  let siteUrl = "";
  let pages: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "connlab-site-subpath-"));
    await execa("pnpm", ["run", "build", "--outDir", outDir], {
      cwd: join(repoRoot, "site"),
      // Not Vitest's environment: its NODE_ENV=test makes a dev-mode site (no search), and its
      // BASE_URL=/ would override the base Astro's pages read at run time.
      extendEnv: false,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        CONNLAB_SITE_URL: publishedAt,
      },
      // Pagefind's helper may keep an inherited pipe open after the build ends: no pipes.
      stdio: "ignore",
      timeout: 240_000,
    });
    server = await serveStatic(outDir, base);
    siteUrl = `${server.url}${base}`;
    pages = await sitemapPages(server.url, `${base}sitemap-0.xml`);
    browser = await tierBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("names the published URL in the sitemap and canonical links", async () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) expect(new URL(page).pathname).toMatch(/^\/connlab\//);
    const home = await (await fetch(siteUrl, { signal: AbortSignal.timeout(5_000) })).text();
    expect(home).toContain(`<link rel="canonical" href="${publishedAt}"`);
  });

  it("links and loads only inside the sub-path from every page, and every target answers", async () => {
    const targets = new Set<string>();
    for (const page of pages) {
      const html = await (await fetch(page, { signal: AbortSignal.timeout(5_000) })).text();
      const refs = localRefs(html);
      expect(
        refs.filter((ref) => !ref.startsWith(base)),
        page,
      ).toEqual([]);
      for (const ref of refs) targets.add(ref);
    }
    const broken: string[] = [];
    for (const path of targets) {
      const response = await fetch(new URL(path, server?.url), { signal: AbortSignal.timeout(5_000) });
      if (response.status !== 200) broken.push(`${response.status} ${path}`);
    }
    expect(broken).toEqual([]);
  }, 120_000);

  it("renders pages in Chromium with no request failing (scripts, styles, icons)", async () => {
    const sample = ["", "errors/", "en/", "refused/wrong-port/", "en/protocol/ws-to-http/", "en/workshop/"];
    const walks = await eachPage(
      browser,
      sample.map((path) => `${siteUrl}${path}`),
      async (page, url) => {
        const failed: string[] = [];
        page.on("response", (response) => {
          if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
        });
        page.on("requestfailed", (request) => failed.push(`failed ${request.url()}`));
        await visit(page, url);
        return failed;
      },
      { concurrency: 2 },
    );
    for (const [url, failed] of walks) expect(failed, url).toEqual([]);
  }, 120_000);

  it("finds pages with the search, inside the sub-path and the reader's locale", async () => {
    const page = await browser.newPage();
    try {
      await visit(page, `${siteUrl}en/`);
      await page.locator("site-search button[data-open-modal]:visible").click();
      await page.locator(".pagefind-ui__search-input").fill("ECONNREFUSED");
      await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 10_000 });
      const results = await page
        .locator("li.pagefind-ui__result")
        .evaluateAll((items) => items.map((li) => li.querySelector("a")?.pathname ?? ""));
      expect(results.length).toBeGreaterThan(0);
      for (const path of results) expect(path).toMatch(/^\/connlab\/en\//);
    } finally {
      await page.close();
    }
  });

  it("switches language and stays on the same page under the sub-path", async () => {
    const page = await browser.newPage();
    try {
      await visit(page, `${siteUrl}refused/wrong-port/`);
      const select = page.locator("starlight-lang-select select:visible");
      await Promise.all([
        page.waitForURL(`${siteUrl}en/refused/wrong-port/`, { timeout: 10_000 }),
        select.selectOption({ label: "English" }),
      ]);
      await Promise.all([
        page.waitForURL(`${siteUrl}refused/wrong-port/`, { timeout: 10_000 }),
        select.selectOption({ label: "Español" }),
      ]);
      expect(await page.getAttribute("html", "lang")).toBe("es");
    } finally {
      await page.close();
    }
  });
});
