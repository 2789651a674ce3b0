/**
 * A failure the user can act on: printed as one line ("connlab: …"), never as a stack trace.
 * Exit code 2 is bad usage (unknown command, id, malformed input); 1 is "ran, and it failed".
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
