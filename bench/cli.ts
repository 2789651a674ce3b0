/**
 * The CLI's start-up: each command's wall time (median of N runs, as a new Node process) beside
 * `node -e 0` and curl failing on the same refused loopback port, in wall and CPU time. Prints
 * figures only; the target is every command within Node's start + 0.15 s. The first, unmeasured run of each fills
 * Node's compile cache, as any second use of the CLI finds it.
 *
 *   node bench/cli.ts [--runs N]
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { unusedPort } from "@connlab/servers";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Math.max(1, Math.min(50, Number(process.argv[runsArg + 1]) || 9)) : 9;
const main = join(import.meta.dirname, "..", "cli", "bin", "connlab.js");

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

interface Timing {
  wallMs: number;
  /** User + system CPU of the command: on a machine busy with other work, wall time mostly
   *  measures the neighbours; CPU time is what the command itself costs. */
  cpuMs: number;
}

/**
 * One run, as a new process under bash, whose `times` reports its children's CPU (Node cannot
 * read another process's rusage); stdout and stderr are drained, not printed.
 */
function timeOnce(file: string, args: readonly string[]): Timing {
  const started = performance.now();
  const { stdout } = spawnSync("bash", ["-c", '"$@" >/dev/null 2>&1; times', "bench", file, ...args], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const wallMs = performance.now() - started;
  // `times` prints the shell's own user/system time, then its children's: "0m0.190s 0m0.030s".
  const children = stdout.trim().split("\n").at(-1) ?? "";
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { wallMs, cpuMs: seconds.reduce((a, b) => a + b, 0) * 1000 };
}

function measure(file: string, args: readonly string[]): Timing {
  timeOnce(file, args);
  const timings = Array.from({ length: runs }, () => timeOnce(file, args));
  return {
    wallMs: median(timings.map((t) => t.wallMs)),
    cpuMs: median(timings.map((t) => t.cpuMs)),
  };
}

// A loopback port nothing listens on, below the ephemeral range: no other listen(0) lands there.
const port = await unusedPort();
const url = `http://127.0.0.1:${port}/`;
const node = measure(process.execPath, ["-e", "0"]);
const rows: [string, Timing][] = [
  ["node -e 0", node],
  [`curl ${url}`, measure("curl", ["-sS", "--max-time", "5", url])],
];
const commands: readonly (readonly string[])[] = [
  ["--help"],
  ["scenarios"],
  ["scenarios", "--json"],
  ["doctor", url],
  ["reproduce", "--help"],
  ["lab", "--help"],
  ["lab", "status"],
  ["workshop", "--help"],
];
for (const args of commands)
  rows.push([`connlab ${args.join(" ")}`, measure(process.execPath, [main, ...args])]);

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const over = (ms: number, base: number) =>
  `${ms >= base ? "+" : "-"}${(Math.abs(ms - base) / 1000).toFixed(2)} s`;
process.stdout.write(
  `CLI start-up, median of ${runs} runs (node ${process.version}, load average ${loadavg()[0]?.toFixed(1)})\n`,
);
process.stdout.write(
  `  ${"command".padEnd(44)} ${"wall".padStart(8)} ${"cpu".padStart(8)}  over node (wall, cpu)\n`,
);
for (const [name, { wallMs, cpuMs }] of rows) {
  const extra = name.startsWith("connlab")
    ? `  ${over(wallMs, node.wallMs)}, ${over(cpuMs, node.cpuMs)}`
    : "";
  process.stdout.write(
    `  ${name.padEnd(44)} ${seconds(wallMs).padStart(8)} ${seconds(cpuMs).padStart(8)}${extra}\n`,
  );
}
