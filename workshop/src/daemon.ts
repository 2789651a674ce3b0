/**
 * The detached process behind `workshop start <exercise>`: serves the exercise, writes
 * state.json once listening, and on SIGTERM/SIGINT/SIGHUP closes its servers, deletes its
 * namespaces and removes state.json. Its output goes to server.log beside the config files.
 */
import type { Served } from "./exercise.ts";
import { getExercise } from "./exercises/index.ts";
import { context } from "./runner.ts";
import { removeState, writeState } from "./state.ts";

const exercise = getExercise(process.argv[2] ?? "");
const ctx = context(exercise);
let served: Served | undefined;
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await served?.close();
  } finally {
    removeState(exercise.name);
    process.exit(code);
  }
}

for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.once(signal, () => void shutdown(0));

try {
  served = await exercise.serve(ctx);
  writeState({
    exercise: exercise.name,
    pid: process.pid,
    startedAt: new Date().toISOString(),
    listening: served.listening,
    namespaces: served.namespaces ?? [],
  });
  process.stdout.write(`${exercise.name}: listening on ${served.listening.host}:${served.listening.port}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  await shutdown(1);
}
