/**
 * Every failure a user can act on, by code, with the exit status the CLI ends with: 2 is bad
 * usage (an unknown id, malformed input), 1 is "ran, and it failed" (needs root, a server that
 * did not start). The CLI turns any of them into one line, "connlab: <message>", in one place.
 */
export const errorExitStatus = {
  usage: 2,
  "unknown-scenario": 2,
  "unknown-exercise": 2,
  "bad-target": 2,
  "bad-config": 1,
  "not-reproducible": 1,
  "needs-root": 1,
  /** Ran, and it failed: a server that did not start, a build that broke, a lab already up. */
  failed: 1,
} as const;
export type ErrorCode = keyof typeof errorExitStatus;

export class ConnlabError extends Error {
  override readonly name = "ConnlabError";
  readonly code: ErrorCode;
  readonly exitStatus: number;
  constructor(code: ErrorCode, message: string, exitStatus: number = errorExitStatus[code]) {
    super(message);
    this.code = code;
    this.exitStatus = exitStatus;
  }
}
