import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { chromiumArgs, chromiumPath } from "@connlab/probes/chromium";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../../helpers/cli.ts";
import { serveStatic } from "../../helpers/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the built guide, served on 127.0.0.1 for the whole browser tier. */
    siteUrl: string;
    /** The tier's one Chromium: Playwright's endpoint for it (a WebSocket on 127.0.0.1). */
    chromiumEndpoint: string;
  }
}

/**
 * Builds the guide once for the whole browser tier and serves it on port 0, and launches the one
 * Chromium every file connects to (tier-browser.ts): a launch per file cost seconds of CPU each.
 * Set CONNLAB_SITE_PREBUILT=1 to reuse an existing site/dist while iterating on tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = join(repoRoot, "site");
  if (process.env.CONNLAB_SITE_PREBUILT !== "1") {
    // Vitest sets NODE_ENV=test, which would make Astro build a dev-mode site (no search).
    const env = { ...process.env, NODE_ENV: "production" };
    execFileSync("pnpm", ["run", "build"], { cwd: site, env, stdio: "ignore", timeout: 180_000 });
  }
  const server = await serveStatic(join(site, "dist"));
  const browser = await chromium.launchServer({
    executablePath: chromiumPath,
    args: [...chromiumArgs],
    // Only this machine's test files connect to it.
    host: "127.0.0.1",
    timeout: 30_000,
  });
  project.provide("siteUrl", server.url);
  project.provide("chromiumEndpoint", browser.wsEndpoint());
  return async () => {
    await browser.close();
    await server.close();
  };
}
