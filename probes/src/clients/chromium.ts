import { createServer, type Server } from "node:http";
import type { Browser } from "playwright-core";
import { launchChromium } from "../chromium.ts";
import type { Setting } from "../observation.ts";
import { CONNECTED } from "../observation.ts";
import { type Client, stopwatch } from "./client.ts";
import { echoText } from "./echo.ts";
import { chromiumTrust } from "./trust.ts";

/** How long to wait, after the socket closed, for Chromium's console line to reach us. */
const consoleGraceMs = 500;
/** Chromium is kept for probes that follow within this time, then closed so the process can exit. */
const idleCloseMs = 1_000;

interface Session {
  readonly browser: Browser;
  /** A blank page served on loopback: the page a developer opens from a local dev server. */
  readonly pageServer: Server;
  readonly pageUrl: string;
}

/** One browser per set of extra flags (none, as installed, for almost every run). */
const sessions = new Map<string, Promise<Session>>();
let inUse = 0;
let idleTimer: NodeJS.Timeout | undefined;

/**
 * The page must come from a loopback origin: Chromium's Local Network Access checks block a
 * public page (or one Playwright fulfils itself) from opening ws://127.0.0.1, with
 * net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS instead of the error under study.
 */
async function startSession(extraArgs: readonly string[]): Promise<Session> {
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

function acquire(extraArgs: readonly string[] = []): Promise<Session> {
  clearTimeout(idleTimer);
  inUse += 1;
  const key = extraArgs.join(" ");
  let session = sessions.get(key);
  if (!session) {
    session = startSession(extraArgs);
    sessions.set(key, session);
  }
  return session;
}

function release(): void {
  inUse -= 1;
  if (inUse === 0) idleTimer = setTimeout(() => void closeChromium(), idleCloseMs);
}

/** Closes the shared browsers now (tests call it in afterAll); the next probe launches another. */
export async function closeChromium(): Promise<void> {
  clearTimeout(idleTimer);
  // Forget them first: a probe that starts meanwhile launches a fresh browser.
  const pending = [...sessions.values()];
  sessions.clear();
  await Promise.all(
    pending.map(async (session) => {
      const closing = await session.catch(() => undefined);
      closing?.pageServer.close();
      await closing?.browser.close();
    }),
  );
}

type PageOutcome = { kind: "echo"; data: string } | { kind: "close"; code: number } | { kind: "timeout" };

/**
 * Opens `new WebSocket(url)` in a page, sends one text and waits for its echo, in the page, as
 * an application would. Runs in the browser: no imports, no closures over Node values.
 */
function openInPage(args: { url: string; text: string; timeoutMs: number }): Promise<PageOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(args.url);
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
];

export function chromiumCode(handshakeError: string): string {
  for (const [pattern, code] of errorCodes) {
    const match = pattern.exec(handshakeError);
    if (match) return match[0].replace(pattern, code);
  }
  return "WS_HANDSHAKE_FAILED";
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
      const running = await acquire();
      try {
        cachedVersion = `Chromium ${running.browser.version()}`;
      } finally {
        release();
      }
    }
    return cachedVersion;
  },
  probe: async (target, { timeoutMs }) => {
    let elapsed = stopwatch();
    // A CA to trust is a launch flag: that run gets a browser of its own, and records the flag.
    const trust = target.trust ? chromiumTrust(target.trust) : undefined;
    const settings: Setting[] = trust ? [trust.setting] : [];
    const base = {
      client: "chromium" as const,
      exitCode: null,
      ...(settings.length > 0 ? { settings } : {}),
    };
    let running: Session;
    try {
      running = await acquire(trust?.args);
    } catch (error) {
      release();
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return {
        ...base,
        clientVersion: "Chromium (did not start)",
        code: "CHROMIUM_LAUNCH_FAILED",
        message: message ?? "",
        elapsedMs: elapsed(),
      };
    }
    // The version from the browser this run uses: no second launch just to ask it.
    cachedVersion ??= `Chromium ${running.browser.version()}`;
    const seen = { ...base, clientVersion: cachedVersion };
    const context = await running.browser.newContext();
    try {
      const page = await context.newPage();
      let consoleLine: string | undefined;
      let consoleSeen = () => {};
      page.on("console", (message) => {
        if (message.type() === "error" && message.text().startsWith("WebSocket connection to ")) {
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
      await page.goto(running.pageUrl, { timeout: timeoutMs });
      elapsed = stopwatch();
      const outcome = await page.evaluate(openInPage, { url: target.url, text: echoText, timeoutMs });
      const attemptMs = elapsed();
      if (outcome.kind === "echo") {
        return {
          ...seen,
          code: CONNECTED,
          message: `echo: ${outcome.data}`,
          elapsedMs: attemptMs,
        };
      }
      if (outcome.kind === "timeout") {
        return {
          ...seen,
          code: "ETIMEDOUT",
          message: `no echo within ${timeoutMs} ms`,
          elapsedMs: attemptMs,
        };
      }
      // The console event travels separately from the page's close event: give it a moment.
      if (consoleLine === undefined) {
        await new Promise<void>((resolve) => {
          consoleSeen = resolve;
          setTimeout(resolve, consoleGraceMs);
        });
      }
      return {
        ...seen,
        code: chromiumCode(handshakeError ?? consoleLine?.replace(/^.*? failed: /, "") ?? ""),
        message: consoleLine ?? `(no console message; the page saw close code ${outcome.code})`,
        elapsedMs: attemptMs,
      };
    } catch (error) {
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      return { ...seen, code: "CHROMIUM_ERROR", message, elapsedMs: elapsed() };
    } finally {
      await context.close().catch(() => {});
      release();
    }
  },
};
