import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { siteLocation } from "@connlab/scenarios/site-url";
import { labTargetsPath, labTargetsRoute } from "./lab/browser-targets.ts";
import { serveStatic } from "./static-site.ts";

/** The guide's package and its build output. */
export const siteDir = join(import.meta.dirname, "..", "..", "site");
const distIndex = join(siteDir, "dist", "index.html");
/** The base path the build in site/dist was made for, as the build itself wrote it (astro.config.ts). */
const builtForFile = join(siteDir, "..", ".connlab", "site-base");

/**
 * The path the guide lives under: CONNLAB_SITE_URL's (a project site such as
 * https://example.org/connlab/ → /connlab/), else the root: Astro's `base`, read the same way.
 */
function siteBase(): string {
  return siteLocation(process.env.CONNLAB_SITE_URL).base;
}

/** Everything the built site is made from: its sources, the catalogue and the observations. */
const inputs = [
  join(siteDir, "src"),
  join(siteDir, "public"),
  join(siteDir, "astro.config.ts"),
  join(siteDir, "..", "scenarios", "src"),
  join(siteDir, "..", "probes", "observations.json"),
];

function newestMtimeMs(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  const entries = readdirSync(path, { recursive: true, encoding: "utf8" });
  return Math.max(stat.mtimeMs, ...entries.map((entry) => statSync(join(path, entry)).mtimeMs));
}

function builtFor(): string | undefined {
  try {
    return readFileSync(builtForFile, "utf8");
  } catch {
    return undefined; // built before the build wrote it: build again
  }
}

/** True when there is no build yet, or a source changed after the last one. */
export function siteNeedsBuild(): boolean {
  const built = statSync(distIndex, { throwIfNoEntry: false });
  if (!built) return true;
  if (builtFor() !== siteBase()) return true;
  return inputs.some((input) => newestMtimeMs(input) > built.mtimeMs);
}

/** Where a quiet build keeps Astro's whole output (.connlab/ is the lab's own, git-ignored folder). */
export const siteBuildLog = join(siteDir, "..", ".connlab", "site-build.log");

/**
 * Builds the site in place (site/dist). Quiet by default: Astro's output (dozens of warning
 * blocks from its dependencies on a healthy build) goes to `siteBuildLog`, and only a failed
 * build shows its last lines. `verbose` streams everything, as `astro build` prints it.
 */
export function buildSite(options: { verbose?: boolean } = {}): { ok: boolean; tail: string } {
  const env = { ...process.env, NODE_ENV: "production" };
  if (options.verbose) {
    const ok = spawnSync("pnpm", ["run", "build"], { cwd: siteDir, env, stdio: "inherit" }).status === 0;
    return { ok, tail: "" };
  }
  mkdirSync(join(siteBuildLog, ".."), { recursive: true });
  const log = openSync(siteBuildLog, "w");
  try {
    const result = spawnSync("pnpm", ["run", "build"], { cwd: siteDir, env, stdio: ["ignore", log, log] });
    if (result.status === 0) return { ok: true, tail: "" };
  } finally {
    closeSync(log);
  }
  const lines = readFileSync(siteBuildLog, "utf8").trimEnd().split("\n");
  return { ok: false, tail: lines.slice(-25).join("\n") };
}

/**
 * Serves site/dist on 127.0.0.1:port under the build's base path, as a static host would, plus
 * one same-origin endpoint the try-it panels read: the running lab's browser targets (its ports
 * are random). stop() closes the server; `exited` settles then (with an Error only if it failed).
 */
export async function serveSite(port: number) {
  const base = siteBase();
  const server = await serveStatic(join(siteDir, "dist"), base, {
    port,
    routes: { [labTargetsPath]: labTargetsRoute },
  });
  let stopped: (value: Error | undefined) => void = () => {};
  const exited = new Promise<Error | undefined>((resolve) => {
    stopped = resolve;
  });
  const stop = () => {
    void server.close().then(() => stopped(undefined));
  };
  return { url: `${server.url}${base}`, stop, exited };
}
