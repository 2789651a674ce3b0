import { join } from "node:path";
import { execa } from "execa";

export const repoRoot = join(import.meta.dirname, "..", "..");
const main = join(repoRoot, "cli", "bin", "connlab.js");

/**
 * The CLI speaks the reader's language (LC_ALL, LC_MESSAGES, LANG, else Spanish): tests read its
 * English output unless they set a locale themselves, whatever the machine's own locale is.
 */
export const englishEnv = { LC_ALL: "", LC_MESSAGES: "", LANG: "en_US.UTF-8" };

/**
 * Runs the real CLI in a child process, as a user would; never throws on a non-zero exit.
 * `timeoutMs`: for a run that starts Firefox, whose start-up takes tens of seconds on a busy machine.
 */
export function connlab(
  args: readonly string[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
) {
  return execa(process.execPath, [main, ...args], {
    reject: false,
    timeout: options.timeoutMs ?? 60_000,
    env: { NO_COLOR: "1", ...englishEnv, ...options.env },
    cwd: repoRoot,
  });
}
