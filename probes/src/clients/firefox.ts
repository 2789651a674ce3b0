import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import type { Target } from "@connlab/servers";
import type { Browser, BrowserContext, Page } from "puppeteer-core";
import {
  type FirefoxExtras,
  firefoxPath,
  firefoxSettings,
  launchFirefox,
  networkIsolation,
  quitFirefox,
} from "../firefox.ts";
import { CONNECTED, type Observation, type Setting } from "../observation.ts";
import { firefoxPageSettings, subprotocolSetting } from "./application-settings.ts";
import { computedAhead, endSession, type Session, sessionsAhead, sharedSession } from "./browser-session.ts";
import { type Client, probeEnv, stopwatch, watchdogFired } from "./client.ts";
import { echoText } from "./echo.ts";
import { openInPage, pageEvents, thrownInPage } from "./page-socket.ts";
import { connectInPage, socketIoInPage } from "./page-socketio.ts";
import { labAnswer, nameForLabDns } from "./system-resolver.ts";
import { firefoxTrust } from "./trust.ts";

/**
 * How long to wait, after the socket closed, for Firefox's console line and the failed request
 * to reach us: both travel separately from the page's close event.
 */
const consoleGraceMs = 1_000;
/** Loading the blank page is the lab's part, not the attempt under study (as in chromium.ts). */
const pageLoadMs = 10_000;

/**
 * Kept for 5 s after the last probe: a run warms it up (version()) before its setup starts, and
 * a second launch would cost seconds of CPU on a busy machine. The processes that start Firefox
 * (bin/probe.ts, bin/fenced-worker.ts) exit once their parent lets them go.
 */
const shared = sharedSession(
  // Never the runner's proxy or CA variables (probeEnv), like every other client.
  () => launchFirefox(probeEnv({ url: "" })),
  quitFirefox,
  5_000,
);

/** Closes the shared browser now (tests call it in afterAll); the next probe launches another. */
export const closeFirefox = shared.close;

/** Browsers of one target's own, launched by warmUp before the probe that takes them. */
const ahead = sessionsAhead<Browser>();
/** What a target asks of Firefox (targetExtras: a lab DNS answer, a CA file), worked out once. */
const extrasAhead = computedAhead<Awaited<ReturnType<typeof targetExtras>>>();

/**
 * A browser with a profile or preferences of its own, or the target's environment (a proxy
 * variable), is one probe's alone; the others share one.
 */
function dedicatedTo(target: Target, extras: FirefoxExtras): boolean {
  return Boolean(extras.trusted?.length || extras.prefs || target.env);
}

/** What Firefox's network layer said about the handshake request: its Network panel's row. */
interface NetworkTrace {
  /** Firefox's internal error name for a request that failed, e.g. NS_ERROR_NET_RESET. */
  networkError?: string;
  /** The status of the answer to the upgrade request, when one came and it was not 101. */
  httpStatus?: number;
}

/** The handshake travels as http(s)://: match it by host, port and path. */
function sameRequest(requestUrl: string, socketUrl: string): boolean {
  const strip = (url: string) => url.replace(/^(ws|http)(s?):\/\//, "$2://");
  return strip(requestUrl) === strip(socketUrl);
}

function traceNetwork(page: Page, url: string, changed: () => void): NetworkTrace {
  const trace: NetworkTrace = {};
  page.on("requestfailed", (request) => {
    const errorText = request.failure()?.errorText;
    // "NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, SSL_ERROR_…)": the last name is the cause.
    if (sameRequest(request.url(), url) && errorText) {
      trace.networkError ??= /([A-Z0-9_]+)\)?$/.exec(errorText)?.[1] ?? errorText;
      changed();
    }
  });
  page.on("response", (response) => {
    if (sameRequest(response.url(), url) && response.status() !== 101) trace.httpStatus ??= response.status();
  });
  return trace;
}

/**
 * The observation's code. Firefox's console says "can't establish a connection" whatever
 * happened, so the code says what its Network panel showed for the upgrade request: the
 * internal error name of a request that failed, else an answer that was not 101, else nothing
 * at all (no HTTP answer: the close code the page saw).
 */
export function firefoxCode(trace: NetworkTrace, closeCode: number): string {
  if (trace.networkError) return trace.networkError;
  if (trace.httpStatus !== undefined) return "WS_UNEXPECTED_RESPONSE";
  return `WS_CLOSED_${closeCode}`;
}

let cachedVersion: string | undefined;

/** "Firefox 153.8.0esr", as `firefox --version` and its About dialog say it. */
async function installedVersion(): Promise<string> {
  cachedVersion ??= (await promisify(execFile)(firefoxPath, ["--version"], { timeout: 30_000 })).stdout
    .trim()
    .replace(/^Mozilla /, "");
  return cachedVersion;
}

/**
 * What a target asks of Firefox beyond its defaults: certificates its profile trusts (the
 * target's CA, the lab page's own certificate) and where names lead (the lab page's address, or
 * the lab DNS's answer: Firefox cannot be pointed at a DNS server on a port). The settings the
 * target's page adds are returned to be recorded; the resolver's and the CA's are recorded with
 * every client's (settings.ts, trust.ts). A name the lab's DNS says does not exist has no
 * preference to stand for it: that run is refused, not faked.
 */
async function targetExtras(target: Target): Promise<(FirefoxExtras & { settings: Setting[] }) | string> {
  const trusted: string[] = [];
  const settings: Setting[] = [];
  let resolveTo: string | undefined;
  if (target.trust) {
    trusted.push(await readFile(target.trust.file, "utf8"));
    settings.push(firefoxTrust());
  }
  if (target.page) {
    trusted.push(target.page.certificate);
    resolveTo = target.page.address;
    settings.push(...firefoxPageSettings(target.page));
  }
  const host = nameForLabDns(target);
  if (host && target.resolver) {
    resolveTo = await labAnswer(target.resolver.dns, host);
    if (resolveTo === undefined)
      return "a name the lab's DNS says does not exist (no Firefox preference stands for it)";
  }
  return {
    trusted,
    settings,
    ...(resolveTo !== undefined ? { prefs: { "network.dns.forceResolve": resolveTo } } : {}),
  };
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
}

/**
 * A Socket.IO app: the page is the app's own (it loads the server's client bundle), and its
 * `io(url)` runs there (page-socketio.ts); the Network panel's status of the refused request
 * goes beside the row.
 */
async function socketIoInFirefox(
  page: Page,
  target: Target,
  watchdogMs: number,
  base: Pick<Observation, "client" | "clientVersion" | "exitCode" | "settings">,
): Promise<Observation> {
  let refusedStatus: number | undefined;
  page.on("response", (response) => {
    if (response.url().includes("/socket.io/") && response.status() >= 400)
      refusedStatus ??= response.status();
  });
  await page.goto(target.url, { timeout: Math.max(watchdogMs, pageLoadMs) });
  const outcome = await page.evaluate(connectInPage, { url: target.url, text: echoText, watchdogMs });
  if (outcome.kind === "watchdog") return { ...base, ...watchdogFired(watchdogMs) };
  return { ...base, ...socketIoInPage(outcome, refusedStatus) };
}

/**
 * The probe's tab. Firefox can announce a new tab while its first about:blank is still loading,
 * then replace that document: browsingContext.create fails with DiscardedBrowsingContextError
 * ("no such frame"; seen once in 3 rounds of the whole catalogue under bench:network's load;
 * bugzilla 1918287 is the same race). Nothing of ours has run in the tab yet, so nothing was
 * measured: the tab is opened again, twice more at most.
 */
async function newTab(context: BrowserContext): Promise<Page> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await context.newPage();
    } catch (error) {
      if (attempt === 3 || !String(error).includes("DiscardedBrowsingContextError")) throw error;
    }
  }
}

async function probeInPage(
  running: { browser: Browser; pageUrl: string },
  target: Target,
  watchdogMs: number,
  base: Pick<Observation, "client" | "clientVersion" | "exitCode" | "settings">,
): Promise<Observation> {
  const context = await running.browser.createBrowserContext();
  try {
    const page = await newTab(context);
    if (target.socketIo) return await socketIoInFirefox(page, target, watchdogMs, base);
    let consoleLine: string | undefined;
    let changed = () => {};
    // Firefox reports a failed WebSocket as an error in the page: the Web Console's red line.
    page.on("pageerror", (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      if (/\bwss?:\/\//.test(text)) {
        consoleLine ??= text;
        changed();
      }
    });
    // Given an http:// target (a refused-* scenario), the page's WebSocket dials it as ws://.
    const url = target.url.replace(/^http/, "ws");
    const trace = traceNetwork(page, url, () => changed());
    await page.goto(target.page?.url ?? running.pageUrl, { timeout: Math.max(watchdogMs, pageLoadMs) });
    const outcome = await page.evaluate(openInPage, {
      url,
      protocols: [...(target.protocols ?? [])],
      text: echoText,
      ...(target.idleMs ? { idleMs: target.idleMs } : {}),
      watchdogMs,
    });
    if (outcome.kind === "echo") {
      return { ...base, code: CONNECTED, message: `echo: ${outcome.data}`, elapsedMs: outcome.ms };
    }
    if (outcome.kind === "watchdog") return { ...base, ...watchdogFired(watchdogMs) };
    // The page error and the failed request travel separately from the page's close event (or
    // the exception the constructor threw): give them a moment, or the code would depend on
    // which arrived first. (Where no request failure comes, the whole grace passes: the page's
    // own clock has already measured the attempt.)
    const complete = () => consoleLine !== undefined && trace.networkError !== undefined;
    if (!complete()) {
      await new Promise<void>((resolve) => {
        changed = () => {
          if (complete()) resolve();
        };
        setTimeout(resolve, consoleGraceMs);
      });
    }
    if (outcome.kind === "threw") return { ...base, ...thrownInPage(outcome, consoleLine) };
    return {
      ...base,
      code: firefoxCode(trace, outcome.code),
      // No console line (a connection closed without a close frame): what the page's script saw.
      message: consoleLine ?? pageEvents(outcome),
      elapsedMs: outcome.ms,
      // Clues tell apart the failures Firefox's console words alike; without a console line the
      // message is the page's CloseEvent, which already says its code.
      ...(consoleLine !== undefined
        ? {
            clues: {
              closeCode: outcome.code,
              ...(trace.httpStatus !== undefined ? { httpStatus: trace.httpStatus } : {}),
              ...(trace.networkError ? { networkError: trace.networkError } : {}),
            },
          }
        : {}),
    };
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Debian's Firefox ESR over WebDriver BiDi (firefox.ts): a page on a loopback origin runs `new
 * WebSocket(url)`, sends one text and awaits its echo. A failure is observed as a developer sees
 * it: the console line (`Firefox can’t establish a connection to the server at …`), exactly,
 * plus what tells apart the failures Firefox words alike: the close code, the time, and the
 * status or internal error name its Network panel shows. Firefox starts only where it can reach
 * nothing but the lab (networkIsolation); one browser serves every probe of the process.
 */
export const firefoxClient: Client = {
  name: "firefox",
  version: installedVersion,
  warmUp: async (target) => {
    // Never where it may not run; and a target it has no preference for gets no browser at all.
    if (!(await networkIsolation())) return;
    const extras = target ? await extrasAhead.start(target, () => targetExtras(target)) : undefined;
    if (typeof extras === "string") return;
    if (target && extras && dedicatedTo(target, extras)) {
      await ahead.start(target, () => launchFirefox(probeEnv(target), extras));
      return;
    }
    try {
      await shared.acquire();
    } finally {
      shared.release();
    }
  },
  probe: async (target, { watchdogMs }) => {
    const elapsed = stopwatch();
    const clientVersion = await installedVersion().catch(() => "Firefox (not installed)");
    const base = { client: "firefox" as const, clientVersion, exitCode: null };
    const isolation = await networkIsolation();
    if (!isolation) {
      return {
        ...base,
        code: "FIREFOX_NOT_ISOLATED",
        message:
          "Firefox runs only where it can reach nothing but the lab: `connlab reproduce` gives it a network namespace of its own",
        elapsedMs: elapsed(),
      };
    }
    let extras: Awaited<ReturnType<typeof targetExtras>>;
    try {
      extras = await extrasAhead.take(target, () => targetExtras(target));
    } catch (error) {
      return { ...base, code: "CONNLAB_LAB_DNS_FAILED", message: firstLine(error), elapsedMs: elapsed() };
    }
    if (typeof extras === "string") {
      return {
        ...base,
        code: "FIREFOX_UNSUPPORTED",
        message: `not for Firefox yet: ${extras}`,
        elapsedMs: 0,
      };
    }
    const settled = {
      ...base,
      settings: [
        ...firefoxSettings(isolation),
        ...extras.settings,
        ...subprotocolSetting("firefox", target.protocols),
      ],
    };
    const dedicated = dedicatedTo(target, extras);
    let running: Session<Browser>;
    try {
      running = dedicated
        ? await ahead.take(target, () => launchFirefox(probeEnv(target), extras))
        : await shared.acquire();
    } catch (error) {
      if (!dedicated) shared.release();
      return { ...settled, code: "FIREFOX_ERROR", message: firstLine(error), elapsedMs: elapsed() };
    }
    try {
      return await probeInPage(running, target, watchdogMs, settled);
    } catch (error) {
      return { ...settled, code: "FIREFOX_ERROR", message: firstLine(error), elapsedMs: elapsed() };
    } finally {
      if (dedicated) await endSession(running, quitFirefox);
      else shared.release();
    }
  },
};
