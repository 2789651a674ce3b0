import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exerciseDir } from "./paths.ts";

/** What the daemon of a started exercise writes once its servers listen (state.json). */
export interface RunState {
  readonly exercise: string;
  /** The detached daemon that owns the servers and namespaces; SIGTERM stops it all. */
  readonly pid: number;
  readonly startedAt: string;
  readonly listening: { readonly protocol: string; readonly host: string; readonly port: number };
  /** Root exercises: the namespaces this run created (connlab-<daemon pid>-<n>-<role>). */
  readonly namespaces: readonly string[];
}

export function statePath(exercise: string): string {
  return join(exerciseDir(exercise), "state.json");
}

export function readState(exercise: string): RunState | undefined {
  const path = statePath(exercise);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as RunState;
  } catch {
    return undefined;
  }
}

export function writeState(state: RunState): void {
  writeFileSync(statePath(state.exercise), `${JSON.stringify(state, null, 2)}\n`);
}

export function removeState(exercise: string): void {
  rmSync(statePath(exercise), { force: true });
}
