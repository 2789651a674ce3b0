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
  // The declared outcome, or one of the alternatives a measured race picks.
  const outcomes = [expected, ...(expected.or ?? [])];
  const sameCode = outcomes.filter((o) => o.code === observation.code);
  if (sameCode.length === 0) {
    return {
      ok: false,
      why: `expected code ${outcomes.map((o) => o.code).join(" or ")}, got ${observation.code}: ${observation.message}`,
    };
  }
  if (!sameCode.some((o) => new RegExp(o.message).test(observation.message))) {
    const patterns = sameCode.map((o) => `/${o.message}/`).join(" or ");
    return { ok: false, why: `message "${observation.message}" does not match ${patterns}` };
  }
  return { ok: true, why: "" };
}
