import { execFile } from "node:child_process";
import { CONNECTED, getClient, watchdogMs } from "@connlab/probes";
import type { ClientName } from "@connlab/scenarios";

export interface Seen {
  readonly client: string;
  readonly code: string;
  readonly message: string;
}

export { CONNECTED };

export function describeSeen(seen: Seen): string {
  const message = seen.message.trim().split("\n")[0] ?? "";
  return `${seen.client} saw ${seen.code === CONNECTED ? "a working connection" : seen.code}: ${message}`;
}

/** One of the probes' real clients (curl, fetch, node-net, node-http, ws) against a URL. */
export async function probe(client: ClientName, url: string): Promise<Seen> {
  const observation = await getClient(client).probe({ url }, { watchdogMs });
  return { client, code: observation.code, message: observation.message };
}

/** Several clients at once against one URL, each as one line of what it saw. */
export async function seeWith(names: readonly ClientName[], url: string): Promise<string[]> {
  const seen = await Promise.all(names.map((name) => probe(name, url)));
  return seen.map(describeSeen);
}

/** A command with a bound; resolves with its exit code and output, never rejects. */
export function runCommand(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; input?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      [...args],
      { timeout: options.timeoutMs ?? 10_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    // A command that exits without reading its input must not crash us with EPIPE.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(options.input ?? "");
  });
}
