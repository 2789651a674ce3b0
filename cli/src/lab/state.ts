import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** One running scenario, as `lab status` shows it. */
export interface LabEntry {
  readonly id: string;
  readonly url: string;
  readonly describe: string;
  /** A command a reader can paste to see the failure. */
  readonly tryIt: string;
  /**
   * The broken and fixed URLs a reader's browser opens from the page's try-it panel, the
   * subprotocols the page asks for, when the scenario's client asks any, and how long the page
   * stays silent once open, when the failure needs a silence (a proxy's idle limit).
   */
  readonly browser?: {
    readonly broken: string;
    readonly fixed: string;
    readonly protocols?: readonly string[];
    readonly idleMs?: number;
  };
}

/** What a running `lab up` records so `status` and `down` (another process) can find it. */
export interface LabState {
  readonly pid: number;
  readonly startedAt: string;
  readonly scenarios: readonly LabEntry[];
}

/** .connlab/lab.json at the repository root; CONNLAB_LAB_STATE moves it (tests use a temp dir). */
export function statePath(): string {
  return process.env.CONNLAB_LAB_STATE ?? join(import.meta.dirname, "..", "..", "..", ".connlab", "lab.json");
}

export function readState(): LabState | undefined {
  try {
    return JSON.parse(readFileSync(statePath(), "utf8")) as LabState;
  } catch {
    return undefined;
  }
}

export function writeState(state: LabState): void {
  mkdirSync(dirname(statePath()), { recursive: true });
  writeFileSync(statePath(), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeState(): void {
  rmSync(statePath(), { force: true });
}

/**
 * Whether `pid` is still a running `connlab lab up`. The command line is checked too, so a
 * stale state file never makes `down` signal an unrelated process that reused the pid.
 */
export function isLabProcess(pid: number): boolean {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    const at = argv.indexOf("lab");
    return (
      at > 0 && argv[at + 1] === "up" && argv.some((a) => a.endsWith("connlab.js") || a.endsWith("main.ts"))
    );
  } catch {
    return false;
  }
}
