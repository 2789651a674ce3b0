import { ConnlabError } from "@connlab/scenarios";
import type { Exercise } from "../exercise.ts";
import { firewallDropExercise } from "./firewall-drop.ts";
import { loopbackOnlyExercise } from "./loopback-only.ts";
import { exerciseNames } from "./names.ts";
import { timeWaitExercise } from "./time-wait.ts";
import { tlsMismatchExercise } from "./tls-mismatch.ts";
import { wrongPortExercise } from "./wrong-port.ts";
import { wsToHttpExercise } from "./ws-to-http.ts";

export { exerciseNames };

/** Every exercise, in the order a workshop runs them. */
export const exercises: readonly Exercise[] = [
  wrongPortExercise,
  loopbackOnlyExercise,
  firewallDropExercise,
  timeWaitExercise,
  wsToHttpExercise,
  tlsMismatchExercise,
];

// names.ts is the list `workshop --help` reads; the two must say the same thing in the same order.
if (exercises.map((e) => e.name).join() !== exerciseNames.join())
  throw new Error(
    `exercises/names.ts lists ${exerciseNames.join(", ")}; the exercises are ${exercises.map((e) => e.name).join(", ")}`,
  );

export function getExercise(name: string): Exercise {
  const exercise = exercises.find((e) => e.name === name);
  if (!exercise)
    throw new ConnlabError(
      "unknown-exercise",
      `unknown exercise "${name}"; valid exercises: ${exerciseNames.join(", ")}`,
    );
  return exercise;
}
