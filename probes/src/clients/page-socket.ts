/** What the page's WebSocket came to, timed by the page's own clock. */
export type PageOutcome =
  | { kind: "echo"; data: string; ms: number }
  | { kind: "close"; code: number; ms: number }
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
 * Opens `new WebSocket(url, protocols)` in a page, sends one text and waits for its echo, in the
 * page, as an application would, timed by the page's own clock. The browser's timers and the
 * kernel's end a failed attempt; `watchdogMs` only ends a run that never does. The constructor
 * itself throws when the browser's policy forbids the URL (mixed content). Runs in the browser
 * (Chromium through Playwright, Firefox through puppeteer-core): no imports, no closures over
 * Node values.
 */
export function openInPage(args: {
  url: string;
  protocols: string[];
  text: string;
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
    socket.onopen = () => socket.send(args.text);
    socket.onmessage = (event) => {
      resolve({ kind: "echo", data: String(event.data), ms: ms() });
      socket.close();
    };
    socket.onclose = (event) => resolve({ kind: "close", code: event.code, ms: ms() });
  });
}
