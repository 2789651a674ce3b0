export { isAlive } from "@connlab/servers";
export type { CheckResult, Exercise, ExerciseTier } from "./exercise.ts";
export { exerciseNames, exercises, getExercise } from "./exercises/index.ts";
export { defaultPortBase, exerciseDir, portBase, workshopDir } from "./paths.ts";
export { blocks, type PreflightItem, preflight } from "./preflight.ts";
export { type Progress, readProgress } from "./progress.ts";
export {
  checkExercise,
  context,
  restartExercise,
  runningState,
  seeExercise,
  startExercise,
  stopAll,
  stopExercise,
} from "./runner.ts";
export { type RunState, readState } from "./state.ts";
