import type { Expectation } from "@connlab/scenarios";
import { CONNECTED, type Observation } from "./observation.ts";

export interface Verdict {
  readonly ok: boolean;
  /** Why it does not match, in one line; empty when it does. */
  readonly why: string;
}

/**
 * The one place that decides whether an observation is what the catalogue expects: the code
 * exactly, the message by pattern. `"connected"` is what every client must see once fixed.
 */
export function judge(observation: Observation, expected: Expectation | "connected"): Verdict {
  if (expected === "connected") {
    return observation.code === CONNECTED
      ? { ok: true, why: "" }
      : { ok: false, why: `expected to connect, got ${observation.code}: ${observation.message}` };
  }
  if (observation.code !== expected.code) {
    return {
      ok: false,
      why: `expected code ${expected.code}, got ${observation.code}: ${observation.message}`,
    };
  }
  if (!new RegExp(expected.message).test(observation.message)) {
    return { ok: false, why: `message "${observation.message}" does not match /${expected.message}/` };
  }
  return { ok: true, why: "" };
}
