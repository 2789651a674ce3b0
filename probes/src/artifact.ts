import { ScenarioId } from "@connlab/scenarios/schema";
import { z } from "zod";
import { Observation } from "./observation.ts";

/**
 * The observations artifact: what every client printed for every scenario in a real run,
 * broken and fixed. Committed at probes/observations.json so the site renders real messages
 * anywhere, and refreshed by a command; a test compares it with a fresh run.
 */
export const RecordedObservation = Observation.extend({
  /** The wording readers search for, when the declaration gives one (classic Chrome text). */
  classic: z.string().optional(),
}).strict();
export type RecordedObservation = z.infer<typeof RecordedObservation>;

export const ScenarioRecord = z
  .object({
    /** Which lab produced it: lab, lab-root or docker. */
    tier: z.enum(["lab", "lab-root", "docker"]),
    broken: z.array(RecordedObservation),
    fixed: z.array(RecordedObservation),
  })
  .strict();
export type ScenarioRecord = z.infer<typeof ScenarioRecord>;

export const ObservationsArtifact = z
  .object({
    /** ISO date of the run; informative only, not compared. */
    recordedAt: z.string(),
    /** Where it ran, e.g. "Linux 6.1 x86_64, Node.js 24.21.0". */
    platform: z.string(),
    scenarios: z.record(ScenarioId, ScenarioRecord),
  })
  .strict();
export type ObservationsArtifact = z.infer<typeof ObservationsArtifact>;
