import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../../helpers/cli.ts";
import { serveStatic } from "../../helpers/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Origin of the built guide, served on 127.0.0.1 for the whole browser tier. */
    siteUrl: string;
  }
}

/**
 * Builds the guide once for the whole browser tier and serves it on port 0. Set
 * CONNLAB_SITE_PREBUILT=1 to reuse an existing site/dist while iterating on tests.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = join(repoRoot, "site");
  if (process.env.CONNLAB_SITE_PREBUILT !== "1") {
    // Vitest sets NODE_ENV=test, which would make Astro build a dev-mode site (no search).
    const env = { ...process.env, NODE_ENV: "production" };
    execFileSync("pnpm", ["run", "build"], { cwd: site, env, stdio: "ignore", timeout: 180_000 });
  }
  const server = await serveStatic(join(site, "dist"));
  project.provide("siteUrl", server.url);
  return server.close;
}
