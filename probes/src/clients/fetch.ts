import { CONNECTED } from "../connected.ts";
import { type Client, stopwatch } from "./client.ts";

/**
 * Node's global fetch (undici). It wraps every network failure in `TypeError: fetch failed`;
 * the operating-system code sits in `error.cause.code`, which is where readers should look.
 */
let warm: Promise<void> | undefined;

/**
 * Node loads undici (fetch and WebSocket both) on first use, compiling it synchronously, which
 * takes a second or more on a busy machine and stalls every socket of the process meanwhile (a
 * lab server's handshakes too); a data: URL does that without touching the network, so the
 * bound and the timing cover only the attempt. probeClients calls it before any client starts.
 */
export function loadUndici(): Promise<void> {
  warm ??= fetch("data:,").then(
    (response) => response.body?.cancel(),
    () => {},
  );
  return warm;
}

export const fetchClient: Client = {
  name: "fetch",
  version: async () => `Node.js ${process.versions.node} fetch (undici ${process.versions.undici})`,
  probe: async (target) => {
    await loadUndici();
    const base = { client: "fetch" as const, clientVersion: await fetchClient.version(), exitCode: null };
    // Timed from here: the other clients' start (a curl spawn, a page) is no part of this attempt.
    const elapsed = stopwatch();
    try {
      // fetch speaks HTTP only: a ws:// target is asked over http://, as a browser tab would.
      // No signal: undici's own connect timer (10 s) is the one a program has by default.
      const response = await fetch(target.url.replace(/^ws/, "http"));
      await response.body?.cancel();
      const status = `${response.status} ${response.statusText}`;
      return {
        ...base,
        code: response.ok ? CONNECTED : `HTTP_${response.status}`,
        message: status,
        elapsedMs: elapsed(),
      };
    } catch (error) {
      // undici's HTTP parser errors carry no code, only a name (HTTPParserError).
      const cause = (error as { cause?: { code?: string; name?: string } }).cause;
      const message = error instanceof Error ? error.message : String(error);
      return { ...base, code: cause?.code ?? cause?.name ?? "ERROR", message, elapsedMs: elapsed() };
    }
  },
};
