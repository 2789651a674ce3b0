/**
 * The test command (`pnpm test [tier…]`): static checks, then every test tier that can start,
 * one Vitest project each. Prints one line per step and ends with the totals on a line of
 * their own, "N passed, N failed", which CI reads. With CI=true a tier that cannot start is a
 * failure, never a skip.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { styleText } from "node:util";
import { readinessChecks, type TierName, tierNames } from "../tests/tiers.ts";

const root = join(import.meta.dirname, "..");
const inCi = process.env.CI === "true" || process.env.CI === "1";
const resultsDir = join(root, ".connlab", "results");

type Line = {
  step: string;
  passed: number;
  failed: number;
  skipped: number;
  note: string;
  /** Wall time of the step, readiness check included: what a tier costs a CI run. */
  seconds?: number;
  /** How busy the machine's CPUs were during the tier, 0–1: near 1, the CPU sets its time; low, timers do. */
  cpuBusy?: number;
  /** The tier's failed tests, each "file › name: first line of its error". */
  failures?: string[];
};
const lines: Line[] = [];

function run(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  return result.status === 0;
}

/** Lint, format and typecheck count as one check each in the totals. */
function staticCheck(step: string, command: string, args: readonly string[]): void {
  process.stdout.write(styleText("bold", `\n▶ ${step}\n`, { stream: process.stdout }));
  const started = performance.now();
  const ok = run(command, args);
  const seconds = (performance.now() - started) / 1000;
  lines.push({
    step,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    skipped: 0,
    note: ok ? "ok" : "failed",
    seconds,
  });
}

type VitestAssertion = { status: string; fullName: string; failureMessages?: string[] };
type VitestFile = { name: string; status: string; message?: string; assertionResults: VitestAssertion[] };
type VitestJson = {
  testResults: VitestFile[];
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numTotalTestSuites: number;
  numFailedTestSuites: number;
  success: boolean;
};

/**
 * One line per failed test (or file that failed to load), so the tail of a CI log, which is all
 * that some CI views keep, still says what failed and why.
 */
function failuresOf(report: VitestJson): string[] {
  const firstLine = (text: string | undefined) =>
    (text ?? "")
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim()
      .slice(0, 300) ?? "";
  return report.testResults.flatMap((file) => {
    const path = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    const failed = file.assertionResults.filter((a) => a.status === "failed");
    if (failed.length === 0 && file.status === "failed") return [`${path}: ${firstLine(file.message)}`];
    return failed.map((a) => `${path} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  });
}

/** The machine's CPU time so far, busy and in all, in clock ticks (the first line of /proc/stat). */
function cpuTicks(): { busy: number; total: number } | undefined {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]?.trim().split(/\s+/) ?? [];
    // user nice system idle iowait irq softirq steal: guest time is already counted in user.
    const ticks = fields.slice(0, 8).map(Number);
    const total = ticks.reduce((n, t) => n + t, 0);
    return { busy: total - (ticks[3] ?? 0) - (ticks[4] ?? 0), total };
  } catch {
    return undefined; // not Linux: the summary leaves the column out
  }
}

/** Runs a tier and stamps its line with the wall time it took and how busy the CPUs were. */
function timedTier(tier: TierName): void {
  const started = performance.now();
  const before = cpuTicks();
  runTier(tier);
  const after = cpuTicks();
  const line = lines.at(-1);
  if (!line) return;
  line.seconds = (performance.now() - started) / 1000;
  if (before && after && after.total > before.total)
    line.cpuBusy = (after.busy - before.busy) / (after.total - before.total);
}

function runTier(tier: TierName): void {
  process.stdout.write(styleText("bold", `\n▶ tier ${tier}\n`, { stream: process.stdout }));
  const readiness = readinessChecks[tier]();
  if (!readiness.ready) {
    const note = `cannot start: ${readiness.why}`;
    if (inCi)
      lines.push({
        step: `tier ${tier}`,
        passed: 0,
        failed: 1,
        skipped: 0,
        note: `${note} (CI=true: failure)`,
      });
    else
      lines.push({
        step: `tier ${tier}`,
        passed: 0,
        failed: 0,
        skipped: 1,
        note: `skipped: ${readiness.why}`,
      });
    process.stdout.write(`${note}\n`);
    return;
  }
  const outputFile = join(resultsDir, `${tier}.json`);
  rmSync(outputFile, { force: true });
  const ok = run("pnpm", [
    "exec",
    "vitest",
    "run",
    "--project",
    tier,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${outputFile}`,
  ]);
  let report: VitestJson | undefined;
  try {
    report = JSON.parse(readFileSync(outputFile, "utf8")) as VitestJson;
  } catch {
    report = undefined;
  }
  if (!report) {
    lines.push({ step: `tier ${tier}`, passed: 0, failed: 1, skipped: 0, note: "vitest wrote no report" });
    return;
  }
  // A file that fails to load has no tests but still fails the suite: count it once.
  const brokenFiles = report.numFailedTests === 0 && !ok ? 1 : 0;
  const ran = report.numPassedTests + report.numFailedTests;
  // A tier that runs no test proves nothing: that counts as a failure too.
  const ranNothing = ran === 0 ? 1 : 0;
  lines.push({
    step: `tier ${tier}`,
    passed: report.numPassedTests,
    failed: report.numFailedTests + Math.max(brokenFiles, ranNothing),
    skipped: report.numPendingTests + report.numTodoTests,
    note: ran === 0 ? "ran no test" : `ran ${ran}`,
    failures: failuresOf(report),
  });
}

const requested = process.argv.slice(2);
const unknown = requested.filter((t) => !(tierNames as readonly string[]).includes(t));
if (unknown.length > 0) {
  process.stderr.write(`test: unknown tier "${unknown[0]}"; valid tiers: ${tierNames.join(", ")}\n`);
  process.exit(2);
}
const tiers = requested.length > 0 ? (requested as TierName[]) : [...tierNames];
mkdirSync(resultsDir, { recursive: true });

if (requested.length === 0) {
  staticCheck("lint + format (biome)", "pnpm", ["exec", "biome", "check", "."]);
  staticCheck("typecheck (tsc)", "pnpm", ["exec", "tsc", "-p", "tsconfig.json"]);
  staticCheck("typecheck (packages)", "pnpm", ["-r", "--if-present", "run", "typecheck"]);
  // Files, exports and dependencies nothing uses (knip.json names the entry points).
  staticCheck("unused code (knip)", "pnpm", ["exec", "knip", "--no-progress"]);
}
for (const tier of tiers) timedTier(tier);

const failures = lines.flatMap((l) => (l.failures ?? []).map((f) => `  ${l.step}: ${f}`));
if (failures.length > 0)
  process.stdout.write(
    `\n${styleText("bold", "failed", { stream: process.stdout })}\n${failures.join("\n")}\n`,
  );
process.stdout.write(`\n${styleText("bold", "summary", { stream: process.stdout })}\n`);
for (const l of lines) {
  const counts = `${l.passed} passed, ${l.failed} failed${l.skipped ? `, ${l.skipped} skipped` : ""}`;
  const time = l.seconds === undefined ? "" : `${l.seconds.toFixed(1)} s`;
  const cpu = l.cpuBusy === undefined ? "" : `cpu ${Math.round(l.cpuBusy * 100)}%`;
  process.stdout.write(
    `  ${l.step.padEnd(24)} ${counts.padEnd(34)} ${time.padStart(8)} ${cpu.padStart(8)}  ${l.note}\n`,
  );
}
const tierSeconds = lines.filter((l) => l.step.startsWith("tier ")).reduce((n, l) => n + (l.seconds ?? 0), 0);
if (tiers.length > 1)
  process.stdout.write(`  ${"tiers together".padEnd(59)} ${`${tierSeconds.toFixed(1)} s`.padStart(8)}\n`);
const passed = lines.reduce((n, l) => n + l.passed, 0);
const failed = lines.reduce((n, l) => n + l.failed, 0);
const skipped = lines.reduce((n, l) => n + l.skipped, 0);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exitCode = failed > 0 ? 1 : 0;
