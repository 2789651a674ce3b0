import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium; Playwright never downloads a browser of its own here. */
export const chromiumPath = process.env.CONNLAB_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Flags that keep headless Chromium quiet on a closed network: without the background ones it
 * keeps trying Google's hosts and stalls. Playwright gives every launch a fresh, empty profile.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/**
 * `extraArgs`: a run's own recorded settings, such as `--host-resolver-rules=…`; `env`: the
 * environment it runs with (Chromium on Linux reads http_proxy and friends from it).
 */
export function launchChromium(
  extraArgs: readonly string[] = [],
  env?: Readonly<Record<string, string>>,
): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, ...extraArgs],
    timeout: 30_000,
    ...(env ? { env: { ...env } } : {}),
  });
}
