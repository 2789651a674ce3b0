import { spawn, spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The guide's package and its build output. */
export const siteDir = join(import.meta.dirname, "..", "..", "site");
const distIndex = join(siteDir, "dist", "index.html");

/** Where `connlab start` serves the guide unless told otherwise (Astro's own default port). */
export const defaultSitePort = 4321;

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

/** True when there is no build yet, or a source changed after the last one. */
export function siteNeedsBuild(): boolean {
  const built = statSync(distIndex, { throwIfNoEntry: false });
  if (!built) return true;
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
 * Serves site/dist with `astro preview` on 127.0.0.1:port and resolves with the URL once the
 * server answers (within `readyTimeoutMs`). The returned stop() ends the preview server.
 */
export async function serveSite(port: number, readyTimeoutMs = 30_000) {
  const child = spawn("pnpm", ["run", "preview", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: siteDir,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}/`;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`astro preview exited (code ${code})`))),
  );
  const deadline = Date.now() + readyTimeoutMs;
  const ready = (async () => {
    while (Date.now() < deadline) {
      const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`the guide did not answer on ${url} within ${readyTimeoutMs} ms`);
  })();
  // pnpm runs astro in a child of its own: signal the whole process group.
  const stop = () => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
  };
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop, exited: exited.catch((error: Error) => error) };
}
