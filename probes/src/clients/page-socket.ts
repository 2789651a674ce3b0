/** What the page's WebSocket came to, timed by the page's own clock. */
export type PageOutcome =
  | { kind: "echo"; data: string; ms: number }
  | { kind: "close"; code: number; reason: string; wasClean: boolean; errorFirst: boolean; ms: number }
  | { kind: "watchdog"; ms: number }
  | { kind: "threw"; name: string; message: string; ms: number };

/**
 * What a browser reports when its WebSocket constructor threw: the console line it logged (if
 * any) then the exception, as a developer sees them in that order in the console.
 */
export function thrownInPage(
  outcome: Extract<PageOutcome, { kind: "threw" }>,
  consoleLine: string | undefined,
): { code: string; message: string; elapsedMs: number } {
  const thrown = `${outcome.name}: ${outcome.message}`;
  return {
    code: outcome.name,
    message: consoleLine ? `${consoleLine} then ${thrown}` : thrown,
    elapsedMs: outcome.ms,
  };
}

/**
 * What the page's script saw of a close, as it logs the events: the plain `Event` named "error",
 * when the browser fired one first, then the CloseEvent. The text of a failure where the browser
 * logs no console line of its own: a TCP close with no close frame is no failure of the
 * connection in the WHATWG standard, so neither Chromium nor Firefox logs one (nor fires "error").
 */
export function pageEvents(outcome: Extract<PageOutcome, { kind: "close" }>): string {
  const closed = `CloseEvent { code: ${outcome.code}, reason: ${JSON.stringify(outcome.reason)}, wasClean: ${outcome.wasClean} }`;
  return outcome.errorFirst ? `Event { type: "error" } then ${closed}` : closed;
}

/**
 * Opens `new WebSocket(url, protocols)` in a page, sends one text (after `idleMs` of silence,
 * when given) and waits for its echo, in the page, as an application would, timed by the page's
 * own clock. The browser's timers and the kernel's end a failed attempt; `watchdogMs` only ends
 * a run that never does. The constructor itself throws when the browser's policy forbids the URL
 * (mixed content). Runs in the browser (Chromium through Playwright, Firefox through
 * puppeteer-core): no imports, no closures over Node values.
 */
export function openInPage(args: {
  url: string;
  protocols: string[];
  text: string;
  idleMs?: number;
  watchdogMs: number;
}): Promise<PageOutcome> {
  return new Promise((resolve) => {
    const start = performance.now();
    const ms = () => Math.round(performance.now() - start);
    let socket: WebSocket;
    try {
      socket = new WebSocket(args.url, args.protocols);
    } catch (error) {
      const thrown = error as Error;
      resolve({ kind: "threw", name: thrown.name, message: thrown.message, ms: ms() });
      return;
    }
    setTimeout(() => resolve({ kind: "watchdog", ms: ms() }), args.watchdogMs);
    let idle: ReturnType<typeof setTimeout> | undefined;
    socket.onopen = () => {
      if (args.idleMs) idle = setTimeout(() => socket.send(args.text), args.idleMs);
      else socket.send(args.text);
    };
    socket.onmessage = (event) => {
      resolve({ kind: "echo", data: String(event.data), ms: ms() });
      socket.close();
    };
    let errorFirst = false;
    socket.onerror = () => {
      errorFirst = true;
    };
    socket.onclose = (event) => {
      clearTimeout(idle);
      resolve({
        kind: "close",
        code: event.code,
        reason: event.reason,
        wasClean: event.wasClean,
        errorFirst,
        ms: ms(),
      });
    };
  });
}
