/**
 * The CLI's start-up: each command's wall time (median of N runs, as a new Node process) beside
 * `node -e 0` and curl failing on the same refused loopback port. Prints figures only; the
 * target is every command within Node's start + 0.15 s. The first, unmeasured run of each fills
 * Node's compile cache, as any second use of the CLI finds it.
 *
 *   node bench/cli.ts [--runs N]
 */
import { spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Math.max(1, Math.min(50, Number(process.argv[runsArg + 1]) || 9)) : 9;
const main = join(import.meta.dirname, "..", "cli", "bin", "connlab.js");

/** A loopback port nothing listens on: bound by the kernel, then closed, so a connect is refused. */
async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Wall time of one run in ms; stdout and stderr are drained, not printed. */
function timeOnce(file: string, args: readonly string[]): number {
  const started = performance.now();
  spawnSync(file, args, { stdio: "ignore", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } });
  return performance.now() - started;
}

function measure(file: string, args: readonly string[]): number {
  timeOnce(file, args);
  return median(Array.from({ length: runs }, () => timeOnce(file, args)));
}

const port = await refusedPort();
const url = `http://127.0.0.1:${port}/`;
const node = measure(process.execPath, ["-e", "0"]);
const rows: [string, number][] = [
  ["node -e 0", node],
  [`curl ${url}`, measure("curl", ["-sS", "--max-time", "5", url])],
];
const commands: readonly (readonly string[])[] = [
  ["--help"],
  ["scenarios"],
  ["scenarios", "--json"],
  ["doctor", url],
  ["reproduce", "--help"],
  ["lab", "status"],
  ["workshop", "--help"],
];
for (const args of commands)
  rows.push([`connlab ${args.join(" ")}`, measure(process.execPath, [main, ...args])]);

process.stdout.write(`CLI start-up, median of ${runs} runs (node ${process.version})\n`);
for (const [name, ms] of rows) {
  const over = name.startsWith("connlab") ? `  +${((ms - node) / 1000).toFixed(2)} s over node` : "";
  process.stdout.write(`  ${name.padEnd(44)} ${(ms / 1000).toFixed(3)} s${over}\n`);
}
