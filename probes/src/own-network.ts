import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { ClientName } from "@connlab/scenarios";
import type { Report, ReproduceOptions } from "./reproduce.ts";

/**
 * Clients that may run only where they can reach nothing but the lab: a browser contacts its
 * vendor's services by itself, and one missed preference must not send a packet out.
 */
export function needsOwnNetwork(client: ClientName): boolean {
  return client === "firefox";
}

const workerMain = join(import.meta.dirname, "bin", "fenced-worker.ts");

/**
 * Node's and Firefox's start-up inside the namespace, and the setup's: seconds on an idle
 * machine, over a minute with both cores busy. Ours, not the clients', so on top of the watchdog.
 */
const startupAllowanceMs = 120_000;

/** How long an unasked worker stays: a test file's or a record's next run comes within it. */
const workerIdleMs = 5_000;

/** One line to bin/fenced-worker.ts: reproduce this scenario with these options. */
export interface FencedRequest {
  readonly n: number;
  readonly scenario: string;
  readonly options: ReproduceOptions;
}

/** One line back: its report, or why there is none. */
export type FencedAnswer = { readonly n: number } & (
  | { readonly report: Report }
  | { readonly error: string }
);

interface Pending {
  readonly settle: (outcome: { report: Report } | { error: string }) => void;
  readonly watchdog: NodeJS.Timeout;
}

/**
 * The process that runs fenced clients for this one, in a network namespace of its own that has
 * loopback only: the scenario's servers and the clients asked for (Firefox) share that loopback,
 * and nothing else exists there to reach. As root `unshare --net`; as any other user `unshare
 * --net --map-root-user` (a user namespace makes the network namespace possible without
 * privileges). Loopback comes up first: a new namespace starts with `lo` down. Started on first
 * use, kept while runs come, let go once idle; it never keeps this process alive by itself, and
 * it exits when this process does (its stdin closes).
 */
class FencedWorker {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private idle: NodeJS.Timeout | undefined;
  private ended = false;
  private stderrTail = "";
  private readonly onEnd: () => void;

  constructor(onEnd: () => void) {
    this.onEnd = onEnd;
    const namespaces = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
    const args = [...namespaces, "sh", "-c", 'ip link set lo up && exec "$@"', "sh"];
    this.child = spawn("unshare", [...args, process.execPath, workerMain], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) {
      (stream as unknown as { unref?: () => void } | null)?.unref?.();
    }
    createInterface({ input: this.child.stdout as Readable }).on("line", (line) => this.received(line));
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-2_000);
    });
    this.child.on("error", (error) => this.end(error.message));
    this.child.on("exit", (code, signal) => this.end(this.lastWords() || `it exited (${signal ?? code})`));
  }

  run(scenario: string, options: ReproduceOptions & { readonly watchdogMs: number }) {
    clearTimeout(this.idle);
    const n = this.next++;
    const limitMs = options.watchdogMs + startupAllowanceMs;
    return new Promise<{ report: Report } | { error: string }>((resolve) => {
      const watchdog = setTimeout(() => {
        // A run that never answers leaves a worker in an unknown state: end it (SIGTERM, on which
        // puppeteer-core closes Firefox) with its other runs; the next run starts another.
        this.end(`none within ${limitMs / 1000} s`);
      }, limitMs);
      this.pending.set(n, { settle: resolve, watchdog });
      this.child.stdin?.write(`${JSON.stringify({ n, scenario, options } satisfies FencedRequest)}\n`);
    });
  }

  private received(line: string): void {
    let answer: FencedAnswer;
    try {
      answer = JSON.parse(line) as FencedAnswer;
    } catch {
      return; // not an answer: nothing else should print there, and nothing waits for it
    }
    const waiting = this.pending.get(answer.n);
    if (!waiting) return;
    this.pending.delete(answer.n);
    clearTimeout(waiting.watchdog);
    waiting.settle("report" in answer ? { report: answer.report } : { error: answer.error });
    if (this.pending.size === 0) {
      this.idle = setTimeout(() => this.end("idle"), workerIdleMs);
      this.idle.unref();
    }
  }

  private lastWords(): string {
    return this.stderrTail.trim().split("\n").at(-1) ?? "";
  }

  private end(why: string): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.idle);
    this.onEnd();
    this.child.stdin?.end();
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
    for (const { settle, watchdog } of this.pending.values()) {
      clearTimeout(watchdog);
      settle({ error: why });
    }
    this.pending.clear();
  }
}

let worker: FencedWorker | undefined;

/**
 * Reproduces a rootless-lab scenario in a network namespace of its own (FencedWorker). Never
 * throws: a run that gives no report is a failed run, with the reason.
 */
export async function reproduceInOwnNetwork(
  scenarioId: string,
  options: ReproduceOptions & { readonly watchdogMs: number },
): Promise<Report> {
  if (!worker) {
    const started: FencedWorker = new FencedWorker(() => {
      if (worker === started) worker = undefined;
    });
    worker = started;
  }
  const outcome = await worker.run(scenarioId, options);
  if ("report" in outcome) return outcome.report;
  return {
    scenario: scenarioId,
    ok: false,
    fixed: options.fixed ?? false,
    observations: [],
    failure: `no report from ${options.clients?.join(", ")} in a network namespace of their own: ${outcome.error}`,
  };
}

/** The reports of one run split between here and a namespace of its own, as one, in the asked order. */
export function joinReports(asked: readonly ClientName[], parts: readonly Report[]): Report {
  const [first] = parts;
  if (!first) throw new Error("joinReports needs at least one report");
  const observations = parts
    .flatMap((report) => report.observations)
    .sort((a, b) => asked.indexOf(a.client) - asked.indexOf(b.client));
  const failures = parts.flatMap((report) => (report.failure ? [report.failure] : []));
  const facts = parts.find((report) => report.facts)?.facts;
  return {
    scenario: first.scenario,
    ok: parts.every((report) => report.ok),
    fixed: first.fixed,
    observations,
    ...(failures.length > 0 ? { failure: failures.join("; ") } : {}),
    ...(facts ? { facts } : {}),
  };
}
