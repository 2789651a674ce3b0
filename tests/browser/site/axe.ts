import axe from "axe-core";
import type { Page } from "playwright-core";

type AxeResults = { violations: { id: string; nodes: { target: unknown }[] }[] };
/** axe.run(options): with no context argument axe checks the whole document. */
type AxeRun = (options: object) => Promise<AxeResults>;

/**
 * Runs axe-core in the page and returns one line per violation. One rule is off:
 * label-content-name-mismatch flags Starlight's own search button, whose visible "Ctrl K" hint
 * is a <kbd> announced through aria-keyshortcuts rather than in its name.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
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
