import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { launchChromium } from "../chromium.ts";
import { CONNECTED } from "../observation.ts";
import { pageSettings, subprotocolSetting } from "./application-settings.ts";
import { type Client, stopwatch } from "./client.ts";
import { echoText } from "./echo.ts";

/** How long to wait, after the socket closed, for Chromium's console line to reach us. */
const consoleGraceMs = 500;
/**
 * Loading the page the socket is opened from is the lab's part, not the attempt under study: a
 * fresh browser's first HTTPS page on a busy machine gets this long, the attempt its own bound.
 */
const pageLoadMs = 10_000;
/** Chromium is kept for probes that follow within this time, then closed so the process can exit. */
const idleCloseMs = 1_000;

interface Session {
  readonly browser: Browser;
  /** A blank page served on loopback: the page a developer opens from a local dev server. */
  readonly pageServer: Server;
  readonly pageUrl: string;
}

/**
 * One browser per set of launch flags, shared by every probe of the process that needs those
 * flags (most need none; a page of the lab's own needs its resolver rule and certificate key).
 */
interface Shared {
  readonly key: string;
  readonly session: Promise<Session>;
  inUse: number;
  idleTimer?: NodeJS.Timeout;
}
const shared = new Map<string, Shared>();

/**
 * The page must come from a loopback origin: Chromium's Local Network Access checks block a
 * public page (or one Playwright fulfils itself) from opening ws://127.0.0.1, with
 * net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS instead of the error under study.
 */
async function startSession(extraArgs: readonly string[] = []): Promise<Session> {
  const pageServer = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>connlab</title>"),
  );
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
  const address = pageServer.address();
  const port = address !== null && typeof address === "object" ? address.port : 0;
  try {
    return { browser: await launchChromium(extraArgs), pageServer, pageUrl: `http://127.0.0.1:${port}/` };
  } catch (error) {
    pageServer.close();
    throw error;
  }
}

function acquire(extraArgs: readonly string[] = []): Shared {
  const key = extraArgs.join(" ");
  let entry = shared.get(key);
  if (!entry) {
    entry = { key, session: startSession(extraArgs), inUse: 0 };
    shared.set(key, entry);
  }
  clearTimeout(entry.idleTimer);
  entry.inUse += 1;
  return entry;
}

function release(entry: Shared): void {
  entry.inUse -= 1;
  if (entry.inUse === 0) entry.idleTimer = setTimeout(() => void closeShared(entry), idleCloseMs);
}

async function closeShared(entry: Shared): Promise<void> {
  clearTimeout(entry.idleTimer);
  // Forget it first: a probe that starts meanwhile launches a fresh browser.
  if (shared.get(entry.key) === entry) shared.delete(entry.key);
  const closing = await entry.session.catch(() => undefined);
  if (closing) await closeSession(closing);
}

/** Closes every shared browser now (tests call it in afterAll); the next probe launches another. */
export async function closeChromium(): Promise<void> {
  await Promise.all([...shared.values()].map(closeShared));
}

type PageOutcome =
  | { kind: "echo"; data: string }
  | { kind: "close"; code: number }
  | { kind: "timeout" }
  | { kind: "threw"; name: string; message: string };

/**
 * Opens `new WebSocket(url, protocols)` in a page, sends one text and waits for its echo, in the
 * page, as an application would. Runs in the browser: no imports, no closures over Node values.
 * The constructor itself throws when the browser's policy forbids the URL (mixed content).
 */
function openInPage(args: {
  url: string;
  protocols: string[];
  text: string;
  timeoutMs: number;
}): Promise<PageOutcome> {
  return new Promise((resolve) => {
    let socket: WebSocket;
    try {
      socket = new WebSocket(args.url, args.protocols);
    } catch (error) {
      const thrown = error as Error;
      resolve({ kind: "threw", name: thrown.name, message: thrown.message });
      return;
    }
    setTimeout(() => resolve({ kind: "timeout" }), args.timeoutMs);
    socket.onopen = () => socket.send(args.text);
    socket.onmessage = (event) => {
      resolve({ kind: "echo", data: String(event.data) });
      socket.close();
    };
    socket.onclose = (event) => resolve({ kind: "close", code: event.code });
  });
}

/**
 * The observation's code, from the handshake error the DevTools protocol reports
 * (Network.webSocketFrameError), which is the console text after "failed: ".
 */
const errorCodes: readonly (readonly [RegExp, string])[] = [
  [/net::(ERR_[A-Z_]+)/, "$1"],
  [/^Error during WebSocket handshake: Unexpected response code: \d+$/, "WS_UNEXPECTED_RESPONSE"],
  [/^Connection closed before receiving a handshake response$/, "WS_CLOSED_BEFORE_HANDSHAKE"],
  [/^Error during WebSocket handshake: Sent non-empty 'Sec-WebSocket-Protocol' header/, "WS_NO_SUBPROTOCOL"],
];

export function chromiumCode(handshakeError: string): string {
  for (const [pattern, code] of errorCodes) {
    const match = pattern.exec(handshakeError);
    if (match) return match[0].replace(pattern, code);
  }
  return "WS_HANDSHAKE_FAILED";
}

/** Resolves when the console line is seen (`onSeen` hands over the resolver) or after `graceMs`. */
function consoleArrival(graceMs: number, onSeen: (seen: () => void) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    onSeen(resolve);
    setTimeout(resolve, graceMs);
  });
}

async function closeSession(own: Session): Promise<void> {
  own.pageServer.close();
  await own.browser.close().catch(() => {});
}

let cachedVersion: string | undefined;

/**
 * Debian's Chromium through Playwright: a page on a loopback origin runs `new WebSocket(url)`,
 * sends one text and awaits its echo. A failure is observed as a developer sees it: the console
 * line `WebSocket connection to '…' failed: …`, exactly; the DevTools protocol's handshake error
 * gives the code. One browser serves every probe of the process.
 */
export const chromiumClient: Client = {
  name: "chromium",
  version: async () => {
    if (!cachedVersion) {
      const lease = acquire();
      try {
        cachedVersion = `Chromium ${(await lease.session).browser.version()}`;
      } finally {
        release(lease);
      }
    }
    return cachedVersion;
  },
  probe: async (target, { timeoutMs }) => {
    let elapsed = stopwatch();
    const clientVersion = await chromiumClient.version().catch(() => "Chromium (did not start)");
    const base = { client: "chromium" as const, clientVersion, exitCode: null };
    const settings = [...pageSettings(target.page), ...subprotocolSetting("chromium", target.protocols)];
    const recorded = settings.length > 0 ? { settings } : {};
    // A page of the lab's own needs its flags at launch: the browser launched with them.
    const lease = acquire(target.page?.chromiumArgs);
    let running: Session;
    try {
      running = await lease.session;
    } catch (error) {
      // A browser that did not start is forgotten: the next probe tries a fresh launch.
      release(lease);
      await closeShared(lease);
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return { ...base, code: "CHROMIUM_LAUNCH_FAILED", message: message ?? "", elapsedMs: elapsed() };
    }
    const context = await running.browser.newContext();
    try {
      const page = await context.newPage();
      let consoleLine: string | undefined;
      let consoleSeen = () => {};
      page.on("console", (message) => {
        if (
          message.type() === "error" &&
          /^(WebSocket connection to |Mixed Content: )/.test(message.text())
        ) {
          consoleLine = message.text();
          consoleSeen();
        }
      });
      const cdp = await context.newCDPSession(page);
      let handshakeError: string | undefined;
      cdp.on("Network.webSocketFrameError", (event) => {
        handshakeError ??= event.errorMessage;
      });
      await cdp.send("Network.enable");
      await page.goto(target.page?.url ?? running.pageUrl, { timeout: Math.max(timeoutMs, pageLoadMs) });
      elapsed = stopwatch();
      const outcome = await page.evaluate(openInPage, {
        url: target.url,
        protocols: [...(target.protocols ?? [])],
        text: echoText,
        timeoutMs,
      });
      const attemptMs = elapsed();
      if (outcome.kind === "echo") {
        return {
          ...base,
          code: CONNECTED,
          message: `echo: ${outcome.data}`,
          elapsedMs: attemptMs,
          ...recorded,
        };
      }
      if (outcome.kind === "timeout") {
        return {
          ...base,
          code: "ETIMEDOUT",
          message: `no echo within ${timeoutMs} ms`,
          elapsedMs: attemptMs,
          ...recorded,
        };
      }
      if (outcome.kind === "threw") {
        // The console's line (Mixed Content: …) arrives apart from the exception: wait for it too.
        if (consoleLine === undefined) await consoleArrival(consoleGraceMs, (seen) => (consoleSeen = seen));
        const thrown = `${outcome.name}: ${outcome.message}`;
        return {
          ...base,
          code: outcome.name,
          message: consoleLine ? `${consoleLine} then ${thrown}` : thrown,
          elapsedMs: attemptMs,
          ...recorded,
        };
      }
      // The console event travels separately from the page's close event: give it a moment.
      if (consoleLine === undefined) await consoleArrival(consoleGraceMs, (seen) => (consoleSeen = seen));
      return {
        ...base,
        code: chromiumCode(handshakeError ?? consoleLine?.replace(/^.*? failed: /, "") ?? ""),
        message: consoleLine ?? `(no console message; the page saw close code ${outcome.code})`,
        elapsedMs: attemptMs,
        ...recorded,
      };
    } catch (error) {
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      return { ...base, code: "CHROMIUM_ERROR", message, elapsedMs: elapsed() };
    } finally {
      await context.close().catch(() => {});
      release(lease);
    }
  },
};
