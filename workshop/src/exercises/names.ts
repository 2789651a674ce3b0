/**
 * The exercises' names, in the order a workshop runs them: the one list, kept apart from the
 * exercises themselves so that `connlab workshop --help` can name them without loading the lab.
 * exercises/index.ts types each exercise against it and checks the order at load.
 */
export const exerciseNames = [
  "wrong-port",
  "loopback-only",
  "firewall-drop",
  "time-wait",
  "ws-to-http",
  "tls-mismatch",
] as const;
export type ExerciseName = (typeof exerciseNames)[number];
