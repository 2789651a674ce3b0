import type { DeclaredId } from "@connlab/scenarios";
import type { ExerciseName } from "./exercises/names.ts";
import type { RunState } from "./state.ts";

/** `lab` runs as any user on loopback; `lab-root` builds network namespaces (root only). */
export type ExerciseTier = "lab" | "lab-root";

export interface ExerciseContext {
  /** .connlab/workshop/<exercise>/: the attendee's config files, state.json, server.log. */
  readonly dir: string;
  /** The port base (CONNLAB_WORKSHOP_PORT_BASE, default 47800). */
  readonly portBase: number;
}

/** What the daemon runs for an exercise: the servers (and namespaces) `stop` tears down. */
export interface Served {
  readonly listening: RunState["listening"];
  readonly namespaces?: readonly string[];
  close(): Promise<void>;
}

/** Passed or not, and one or two lines saying why in the attendee's terms. */
export interface CheckResult {
  readonly ok: boolean;
  readonly lines: readonly string[];
}

/** A port the exercise serves on: its offset from the attendee's base port, and what is there. */
export interface Port {
  readonly offset: number;
  readonly use: string;
}

/**
 * One workshop exercise: a catalogue scenario broken on fixed ports, a real configuration the
 * attendee edits, and a check that re-reads that configuration and connects with a real client.
 */
export interface Exercise {
  readonly name: ExerciseName;
  /** The catalogue scenario it teaches (scenarios/src/catalog/<category>.ts), typed by the catalogue. */
  readonly scenario: DeclaredId;
  readonly tier: ExerciseTier;
  /** One line for `workshop status` and `start`. */
  readonly summary: string;
  /** Offsets from the port base this exercise uses, each with what it is for. */
  readonly ports: readonly Port[];
  /** The files the attendee edits, written in their broken form by `start` (root exercises: none). */
  files?(ctx: ExerciseContext): Readonly<Record<string, string>>;
  /** Runs inside the detached daemon: reads the config files and starts the servers. */
  serve(ctx: ExerciseContext): Promise<Served>;
  /** Printed by `start`: what to try, what to look at, which file or rule to change. */
  hints(ctx: ExerciseContext, state: RunState): readonly string[];
  /** `workshop try`: runs the client(s) and reports what they saw, without judging. */
  see(ctx: ExerciseContext, state: RunState): Promise<readonly string[]>;
  check(ctx: ExerciseContext, state: RunState): Promise<CheckResult>;
}

export function pass(...lines: string[]): CheckResult {
  return { ok: true, lines };
}

export function fail(...lines: string[]): CheckResult {
  return { ok: false, lines };
}
