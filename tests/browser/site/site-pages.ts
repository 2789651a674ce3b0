import type { Browser, Page, Response } from "playwright-core";

/**
 * page.goto, retried when Chromium aborts it with ERR_NETWORK_CHANGED: it does so whenever an
 * interface appears or goes away on the host, which the root lab's veth pairs do all the time
 * while tests run in parallel. Any other failure is thrown at once.
 */
export async function visit(
  page: Page,
  url: string,
  waitUntil: "load" | "domcontentloaded" = "load",
): Promise<Response | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.goto(url, { timeout: 20_000, waitUntil });
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("ERR_NETWORK_CHANGED")) throw error;
    }
  }
}

/** Every page of the built guide, from its sitemap, rebased onto the local server. */
export async function sitemapPages(siteUrl: string, sitemap = "/sitemap-0.xml"): Promise<string[]> {
  const index = await (await fetch(`${siteUrl}${sitemap}`, { signal: AbortSignal.timeout(5_000) })).text();
  return [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    (m) => new URL(new URL(m[1] ?? "").pathname, siteUrl).href,
  );
}

/**
 * Runs `visit` on every URL with at most `concurrency` pages open, one browser context each. Two,
 * as many as this machine has cores: axe keeps a page's renderer busy the whole time.
 */
export async function eachPage<T>(
  browser: Browser,
  urls: readonly string[],
  visit: (page: Page, url: string) => Promise<T>,
  concurrency = 2,
): Promise<Map<string, T>> {
  const results = new Map<string, T>();
  const queue = [...urls];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const context = await browser.newContext();
      try {
        for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
          const page = await context.newPage();
          try {
            results.set(url, await visit(page, url));
          } finally {
            await page.close();
          }
        }
      } finally {
        await context.close();
      }
    }),
  );
  return results;
}
