import { type Browser, chromium } from "playwright-core";
import { inject } from "vitest";

/**
 * The browser tier's one Chromium (launched by global-setup.ts), for this test file. Closing what
 * this returns closes the file's contexts and disconnects; the browser itself stays up for the
 * other files.
 */
export function tierBrowser(): Promise<Browser> {
  return chromium.connect(inject("chromiumEndpoint"), { timeout: 30_000 });
}
