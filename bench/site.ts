/**
 * The guide's budget (issue 5): build time, and per page the bytes of HTML, CSS and JavaScript a
 * browser loads, next to a bare Starlight page built the same way. Prints figures only.
 * Run: node bench/site.ts
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = join(import.meta.dirname, "..");
const site = join(root, "site");
const bare = join(import.meta.dirname, "fixtures", "bare-starlight");
const KiB = 1024;

function build(cwd: string, args: readonly string[]): number {
  const started = performance.now();
  const env = { ...process.env, NODE_ENV: "production", ASTRO_TELEMETRY_DISABLED: "1" };
  const result = spawnSync("pnpm", args, { cwd, env, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`build failed in ${relative(root, cwd)}`);
  return performance.now() - started;
}

/** A JS file and, transitively, every chunk it imports statically: what loads with the page. */
function jsClosure(dist: string, file: string, seen: Set<string>): void {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const m of source.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    const target = m[1] ?? "";
    jsClosure(dist, target.startsWith("/") ? join(dist, target) : join(dirname(file), target), seen);
  }
}

interface PageWeight {
  page: string;
  html: number;
  css: number;
  js: number;
}

function weigh(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, "utf8");
  const size = (href: string) => statSync(join(dist, href.split("?")[0] ?? "")).size;
  let css = 0;
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)) css += size(m[1] ?? "");
  for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) css += Buffer.byteLength(m[1] ?? "");
  const files = new Set<string>();
  let inline = 0;
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /src="([^"]+)"/.exec(m[1] ?? "")?.[1];
    if (src) jsClosure(dist, join(dist, src), files);
    else if (!/type="application\/(ld\+)?json"/.test(m[1] ?? "")) {
      inline += Buffer.byteLength(m[2] ?? "");
      for (const i of (m[2] ?? "").matchAll(/import\s*(?:[^"']*from\s*)?["']([^"']+\.js)["']/g)) {
        jsClosure(dist, join(dist, i[1] ?? ""), files);
      }
    }
  }
  const js = inline + [...files].reduce((sum, f) => sum + statSync(f).size, 0);
  const page = `/${relative(dist, dirname(htmlFile))}/`.replace(/\/+$/, "/").replace(/^\/\.\//, "/");
  return { page, html: Buffer.byteLength(html), css, js };
}

function pages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("index.html") && !f.startsWith("pagefind"))
    .map((f) => join(dist, f));
}

const kib = (bytes: number) => (bytes / KiB).toFixed(1).padStart(7);

const siteMs = build(site, ["run", "build"]);
const bareMs = build(import.meta.dirname, ["exec", "astro", "build", "--root", bare]);
const baseline = weigh(join(bare, "dist"), join(bare, "dist", "index.html"));
const weights = pages(join(site, "dist"))
  .map((f) => weigh(join(site, "dist"), f))
  .sort((a, b) => a.page.localeCompare(b.page));

process.stdout.write(`guide build: ${(siteMs / 1000).toFixed(1)} s for ${weights.length} pages`);
process.stdout.write(` (bare Starlight build: ${(bareMs / 1000).toFixed(1)} s)\n\n`);
process.stdout.write(`${"page".padEnd(44)}    html     css      js  js - bare (KiB)\n`);
const row = (w: PageWeight) =>
  `${w.page.padEnd(44)} ${kib(w.html)} ${kib(w.css)} ${kib(w.js)} ${kib(w.js - baseline.js)}\n`;
process.stdout.write(row({ ...baseline, page: "(bare Starlight page)" }));
for (const w of weights) process.stdout.write(row(w));
const heaviest = weights.reduce((a, b) => (b.js > a.js ? b : a));
process.stdout.write(
  `\nmost JavaScript: ${heaviest.page} ${kib(heaviest.js).trim()} KiB, ` +
    `${kib(heaviest.js - baseline.js).trim()} KiB over the bare page (budget: 10 KiB)\n`,
);
