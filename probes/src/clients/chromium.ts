import type { Target } from "@connlab/servers";
import type { Browser } from "playwright-core";
import { launchChromium } from "../chromium.ts";
import { CONNECTED } from "../observation.ts";
import { chromiumPageArgs, pageSettings, subprotocolSetting } from "./application-settings.ts";
import { computedAhead, endSession, type Session, sessionsAhead, sharedSession } from "./browser-session.ts";
import { type Client, probeEnv, stopwatch, watchdogFired } from "./client.ts";
import { echoText } from "./echo.ts";
import { openInPage, pageEvents, thrownInPage } from "./page-socket.ts";
import { connectInPage, socketIoInPage } from "./page-socketio.ts";
import { labAnswer, nameForLabDns } from "./system-resolver.ts";
import { chromiumTrust } from "./trust.ts";

/** How long to wait, after the socket closed, for Chromium's console line to reach us. */
const consoleGraceMs = 500;
/**
 * Loading the page the socket is opened from is the lab's part, not the attempt under study: a
 * fresh browser's first HTTPS page on a busy machine gets this long.
 */
const pageLoadMs = 10_000;

/** Chromium is kept for probes that follow within a second, then closed so the process can exit. */
const shared = sharedSession(
  () => launchChromium(),
  (browser) => browser.close(),
  1_000,
);

/** Closes the shared browser now (tests call it in afterAll); the next probe launches another. */
export const closeChromium = shared.close;

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

let cachedVersion: string | undefined;

/**
 * Chromium cannot be pointed at a DNS server on a port, so for a target behind the rootless
 * lab's resolver its answer becomes a launch flag: `--host-resolver-rules=MAP name address`
 * (recorded with the observation). `localhost` and literal addresses need none: Chromium
 * resolves localhost itself, to both loopback addresses. A name the lab's DNS says does not
 * exist maps to ~NOTFOUND; a lab DNS that did not answer rejects (a failed run, not a row).
 */
export async function hostResolverRules(target: Target): Promise<string[]> {
  const host = nameForLabDns(target);
  if (!host || !target.resolver) return [];
  const address = (await labAnswer(target.resolver.dns, host)) ?? "~NOTFOUND";
  return [`--host-resolver-rules=MAP ${host} ${address}`];
}

/**
 * The launch flags a target asks for (a resolver rule, a page of the lab's own, a CA to trust),
 * and whether its browser is this probe's alone: one with flags or an environment of its own
 * is; the others share one.
 */
async function launchFor(target: Target): Promise<{ flags: string[]; dedicated: boolean }> {
  const trust = target.trust ? chromiumTrust(target.trust) : undefined;
  const rules = await hostResolverRules(target);
  const flags = [...rules, ...(target.page ? chromiumPageArgs(target.page) : []), ...(trust?.args ?? [])];
  return { flags, dedicated: flags.length > 0 || target.env !== undefined };
}

/** Browsers of one target's own, and its launch flags, worked out by warmUp for the probe. */
const ahead = sessionsAhead<Browser>();
const launches = computedAhead<Awaited<ReturnType<typeof launchFor>>>();

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
      const running = await shared.acquire();
      try {
        cachedVersion = `Chromium ${running.browser.version()}`;
      } finally {
        shared.release();
      }
    }
    return cachedVersion;
  },
  warmUp: async (target) => {
    const launch = target ? await launches.start(target, () => launchFor(target)) : undefined;
    if (target && launch?.dedicated) {
      const running = await ahead.start(target, () => launchChromium(launch.flags, probeEnv(target)));
      cachedVersion ??= `Chromium ${running.browser.version()}`;
      return;
    }
    await chromiumClient.version();
  },
  probe: async (target, { watchdogMs }) => {
    const elapsed = stopwatch();
    // A CA to trust is a launch flag (a dedicated browser below), recorded as a setting.
    const trust = target.trust ? chromiumTrust(target.trust) : undefined;
    const settings = [
      ...pageSettings(target.page),
      ...subprotocolSetting("chromium", target.protocols),
      ...(trust ? [trust.setting] : []),
    ];
    const observed = (clientVersion: string) => ({
      client: "chromium" as const,
      clientVersion,
      exitCode: null,
      ...(settings.length > 0 ? { settings } : {}),
    });
    const notStarted = "Chromium (did not start)";
    let launch: Awaited<ReturnType<typeof launchFor>>;
    try {
      launch = await launches.take(target, () => launchFor(target));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return {
        ...observed(cachedVersion ?? notStarted),
        code: "CONNLAB_LAB_DNS_FAILED",
        message,
        elapsedMs: elapsed(),
      };
    }
    const { flags, dedicated } = launch;
    let running: Session<Browser>;
    try {
      running = dedicated
        ? await ahead.take(target, () => launchChromium(flags, probeEnv(target)))
        : await shared.acquire();
    } catch (error) {
      if (!dedicated) shared.release();
      const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return {
        ...observed(cachedVersion ?? notStarted),
        code: "CHROMIUM_LAUNCH_FAILED",
        message: message ?? "",
        elapsedMs: elapsed(),
      };
    }
    cachedVersion ??= `Chromium ${running.browser.version()}`;
    const base = observed(cachedVersion);
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
      if (target.socketIo) {
        // A Socket.IO app: its own page loads the server's client bundle and runs `io(url)`.
        let refusedStatus: number | undefined;
        page.on("response", (response) => {
          if (response.url().includes("/socket.io/") && response.status() >= 400) {
            refusedStatus ??= response.status();
          }
        });
        await page.goto(target.url, { timeout: Math.max(watchdogMs, pageLoadMs) });
        const outcome = await page.evaluate(connectInPage, { url: target.url, text: echoText, watchdogMs });
        if (outcome.kind === "watchdog") return { ...base, ...watchdogFired(watchdogMs) };
        return { ...base, ...socketIoInPage(outcome, refusedStatus) };
      }
      await page.goto(target.page?.url ?? running.pageUrl, { timeout: Math.max(watchdogMs, pageLoadMs) });
      // Given an http:// target (a refused-* or timeout-* scenario), the page's WebSocket dials
      // it as ws://, the way an application's socket reaches that server.
      const url = target.url.replace(/^http/, "ws");
      const outcome = await page.evaluate(openInPage, {
        url,
        protocols: [...(target.protocols ?? [])],
        text: echoText,
        ...(target.idleMs ? { idleMs: target.idleMs } : {}),
        watchdogMs,
      });
      const attemptMs = outcome.ms;
      if (outcome.kind === "echo") {
        return { ...base, code: CONNECTED, message: `echo: ${outcome.data}`, elapsedMs: attemptMs };
      }
      if (outcome.kind === "watchdog") return { ...base, ...watchdogFired(watchdogMs) };
      // The console event travels separately from the page's close event (or the exception the
      // constructor threw): give it a moment.
      if (consoleLine === undefined) {
        await new Promise<void>((resolve) => {
          consoleSeen = resolve;
          setTimeout(resolve, consoleGraceMs);
        });
      }
      if (outcome.kind === "threw") return { ...base, ...thrownInPage(outcome, consoleLine) };
      const failure = handshakeError ?? consoleLine?.replace(/^.*? failed: /, "");
      return {
        ...base,
        // Neither a handshake error nor a console line: the open socket closed (its close code).
        code: failure !== undefined ? chromiumCode(failure) : `WS_CLOSED_${outcome.code}`,
        // No console line (a connection closed without a close frame): what the page's script saw.
        message: consoleLine ?? pageEvents(outcome),
        elapsedMs: attemptMs,
      };
    } catch (error) {
      const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
      return { ...base, code: "CHROMIUM_ERROR", message, elapsedMs: elapsed() };
    } finally {
      await context.close().catch(() => {});
      if (dedicated) await endSession(running, (browser) => browser.close());
      else shared.release();
    }
  },
};
