import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConnlabError } from "@connlab/scenarios";
import { isAlive, removeLeftovers } from "@connlab/servers";
import type { CheckResult, Exercise, ExerciseContext } from "./exercise.ts";
import { exerciseDir, portBase, scriptPath } from "./paths.ts";
import { recordVerified } from "./progress.ts";
import { type RunState, readState, removeState } from "./state.ts";

export function context(exercise: Exercise): ExerciseContext {
  return { dir: exerciseDir(exercise.name), portBase: portBase() };
}

function requireRoot(exercise: Exercise, command = "start"): void {
  if (exercise.tier === "lab-root" && process.getuid?.() !== 0) {
    throw new ConnlabError(
      "failed",
      `${exercise.name} works in network namespaces and needs root: sudo env "PATH=$PATH" pnpm connlab workshop ${command} ${exercise.name}`,
    );
  }
}

/** The running state, or a one-line error saying how to start it. */
export function runningState(exercise: Exercise): RunState {
  const state = readState(exercise.name);
  if (!state || !isAlive(state.pid)) {
    throw new ConnlabError(
      "failed",
      `${exercise.name} is not running: pnpm connlab workshop start ${exercise.name}`,
    );
  }
  return state;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone: nothing to stop.
  }
}

/** Stops what `start` started for one exercise, whatever state it is in. Idempotent. */
export async function stopExercise(exercise: Exercise): Promise<boolean> {
  const state = readState(exercise.name);
  if (!state) return false;
  kill(state.pid, "SIGTERM");
  if (!(await waitForExit(state.pid, 5_000))) kill(state.pid, "SIGKILL");
  // If the daemon died without cleaning up, its lab is a dead run's: the sweeper removes it.
  if (state.namespaces.length > 0) await removeLeftovers();
  removeState(exercise.name);
  return true;
}

/** `stop` with no exercise: also sweeps namespaces left by workshop daemons that died. */
export async function stopAll(all: readonly Exercise[]): Promise<string[]> {
  const stopped: string[] = [];
  for (const exercise of all) if (await stopExercise(exercise)) stopped.push(exercise.name);
  if (process.getuid?.() === 0) await removeLeftovers();
  return stopped;
}

/** Starts the daemon for the files already in place and waits until it listens. */
async function launch(exercise: Exercise): Promise<RunState> {
  const dir = exerciseDir(exercise.name);
  const logPath = join(dir, "server.log");
  const log = openSync(logPath, "w");
  const daemon = spawn(process.execPath, [scriptPath("daemon.ts"), exercise.name], {
    detached: true,
    stdio: ["ignore", log, log],
    env: process.env,
  });
  daemon.unref();
  const pid = daemon.pid ?? 0;
  // Ctrl-C while we wait: take the half-started exercise down with us.
  const onInterrupt = () => {
    kill(pid, "SIGTERM");
    process.exit(130);
  };
  process.once("SIGINT", onInterrupt);
  try {
    // A root exercise starts Node inside its namespaces: slow on a busy 2-core machine.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const state = readState(exercise.name);
      if (state?.pid === pid) return state;
      if (!isAlive(pid)) break;
      await sleep(50);
    }
    kill(pid, "SIGTERM");
    const why = readFileSync(logPath, "utf8").trim().split("\n").at(-1) || "it did not start within 60 s";
    throw new ConnlabError("failed", `${exercise.name} did not start: ${why}`);
  } finally {
    process.removeListener("SIGINT", onInterrupt);
  }
}

/** Breaks the exercise afresh: stops any earlier run, rewrites the files, starts the servers. */
export async function startExercise(exercise: Exercise): Promise<RunState> {
  requireRoot(exercise);
  await stopExercise(exercise);
  if (exercise.tier === "lab-root") await removeLeftovers();
  const ctx = context(exercise);
  rmSync(ctx.dir, { recursive: true, force: true });
  mkdirSync(ctx.dir, { recursive: true });
  for (const [name, content] of Object.entries(exercise.files?.(ctx) ?? {}))
    writeFileSync(join(ctx.dir, name), content);
  return launch(exercise);
}

/** Restarts the servers so they read the edited files; the attendee's edits are kept. */
export async function restartExercise(exercise: Exercise): Promise<RunState> {
  requireRoot(exercise, "restart");
  runningState(exercise);
  await stopExercise(exercise);
  return launch(exercise);
}

/** Runs the exercise's check; a configuration the check cannot read is a failed check too. */
export async function checkExercise(exercise: Exercise): Promise<CheckResult> {
  requireRoot(exercise, "check");
  const state = runningState(exercise);
  let result: CheckResult;
  try {
    result = await exercise.check(context(exercise), state);
  } catch (error) {
    result = { ok: false, lines: [error instanceof Error ? error.message : String(error)] };
  }
  if (result.ok) recordVerified(exercise.name);
  return result;
}

export async function seeExercise(exercise: Exercise): Promise<readonly string[]> {
  requireRoot(exercise, "try");
  const state = runningState(exercise);
  try {
    return await exercise.see(context(exercise), state);
  } catch (error) {
    throw new ConnlabError("failed", error instanceof Error ? error.message : String(error));
  }
}
