import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";

type AxeResults = { violations: { id: string; nodes: { target: unknown }[] }[] };
/** axe.run(options): with no context argument axe checks the whole document. */
type AxeRun = (options: object) => Promise<AxeResults>;

/** axe-core's minified build (650 kB; `axe.source` is the 1.5 MB unminified one). */
const axePath = fileURLToPath(import.meta.resolve("axe-core/axe.min.js"));

/**
 * Every page of the context loads axe as it loads itself (an init script): sending the source
 * into each page over the protocol cost 1.3 s a page, measured, against 0.5 s for the whole
 * page load. axe only defines its global; it touches nothing on the page until run.
 */
export async function withAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: axePath });
}

/**
 * Runs axe-core in the page and returns one line per violation. One rule is off:
 * label-content-name-mismatch flags Starlight's own search button, whose visible "Ctrl K" hint
 * is a <kbd> announced through aria-keyshortcuts rather than in its name.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run: AxeRun } }).axe.run;
    const { violations } = await run({
      // Only violations are read: skipping the details of passes makes axe several times faster.
      resultTypes: ["violations"],
      rules: { "label-content-name-mismatch": { enabled: false } },
    });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(" ")}`);
  });
}
