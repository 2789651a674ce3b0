import type { LabTier } from "@connlab/scenarios";
import type { Target } from "./target.ts";

/** A setup that is running: where clients should connect, and how to take it all down. */
export interface RunningSetup {
  readonly target: Target;
  /** What the setup itself measured on the way (connections held before the clients ran, …). */
  readonly facts?: Readonly<Record<string, string | number | null>>;
  /** Root lab: its hosts' namespaces by role (client, server…), for hints and checks. */
  readonly hosts?: Readonly<Record<string, string>>;
  /**
   * TCP connections the setup's server accepted so far, where "none" is the lesson (a browser
   * that blocks a request before any packet leaves).
   */
  readonly accepted?: () => number;
  /** Idempotent; also called on SIGINT/SIGTERM by the lab. */
  close(): Promise<void>;
}

/**
 * A named way to arrange servers and network for a scenario, broken (the scenario's `fault`) or
 * fixed (its `fix.apply`). Scenarios refer to setups by name; each lives in setups/<name>.ts.
 */
export interface Setup {
  readonly name: string;
  /** The tier whose privileges it needs: `lab` runs as any user on loopback. */
  readonly tier: LabTier;
  /** One line for `lab status` and the docs: what it puts on the wire. */
  readonly describe: string;
  start(params: Readonly<Record<string, unknown>>): Promise<RunningSetup>;
}
