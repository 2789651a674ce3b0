import { createServer, type Server } from "node:http";
import type { Target } from "@connlab/servers";

/** A browser and the blank page on loopback its probes open their sockets from. */
export interface Session<B> {
  readonly browser: B;
  readonly pageServer: Server;
  /** A blank page served on loopback: the page a developer opens from a local dev server. */
  readonly pageUrl: string;
}

/**
 * Launches a browser beside its page. The page must come from a loopback origin: browsers'
 * local-network checks block a public page (or one the driver fulfils itself) from opening
 * ws://127.0.0.1 (Chromium: net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS) with an error of
 * their own instead of the one under study.
 */
export async function startSession<B>(launch: () => Promise<B>): Promise<Session<B>> {
  const pageServer = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>connlab</title>"),
  );
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
  const address = pageServer.address();
  const port = address !== null && typeof address === "object" ? address.port : 0;
  try {
    return { browser: await launch(), pageServer, pageUrl: `http://127.0.0.1:${port}/` };
  } catch (error) {
    pageServer.close();
    throw error;
  }
}

/** Ends a session: its page server, then its browser. */
export async function endSession<B>(session: Session<B>, closeBrowser: (browser: B) => Promise<void>) {
  session.pageServer.close();
  await closeBrowser(session.browser).catch(() => {});
}

/**
 * One browser shared by every probe of the process: launched on first use, kept for probes
 * that follow within `idleCloseMs`, then closed so the process can exit; the next probe
 * launches another. Every `acquire()` is paired with a `release()`, also when it rejects.
 */
export function sharedSession<B>(
  launch: () => Promise<B>,
  closeBrowser: (browser: B) => Promise<void>,
  idleCloseMs: number,
) {
  let session: Promise<Session<B>> | undefined;
  let inUse = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  async function close(): Promise<void> {
    clearTimeout(idleTimer);
    // Forget it first: a probe that starts meanwhile launches a fresh browser.
    const pending = session;
    session = undefined;
    const closing = await pending?.catch(() => undefined);
    if (closing) await endSession(closing, closeBrowser);
  }

  return {
    acquire(): Promise<Session<B>> {
      clearTimeout(idleTimer);
      inUse += 1;
      session ??= startSession(launch);
      return session;
    },
    release(): void {
      inUse -= 1;
      if (inUse === 0) idleTimer = setTimeout(() => void close(), idleCloseMs);
    },
    close,
  };
}

/**
 * What warmUp works out for a target (a lab DNS answer, the CA file's text, a browser) kept for
 * the probe that follows: bin/probe.ts warms every client up for its target first, so none of it
 * is done twice or counts against the watchdog. Keyed by the target object the probe gets, and
 * taken once: another probe of the same target works it out afresh.
 */
export function computedAhead<T>() {
  const started = new WeakMap<Target, Promise<T>>();
  return {
    start(target: Target, compute: () => Promise<T>): Promise<T> {
      const value = compute();
      started.set(target, value);
      return value;
    },
    /** What start() began for this target, else compute() now. */
    take(target: Target, compute: () => Promise<T>): Promise<T> {
      const value = started.get(target);
      started.delete(target);
      return value ?? compute();
    },
  };
}

/**
 * Browsers of a target's own (flags, a profile, an environment) started before their probe, so
 * a browser's start-up counts neither against the watchdog nor between the setup's start and its
 * clients, and no shared browser is started for a probe that will not use it.
 */
export function sessionsAhead<B>() {
  const ahead = computedAhead<Session<B>>();
  return {
    start: (target: Target, launch: () => Promise<B>) => ahead.start(target, () => startSession(launch)),
    /** The session started for this target, else a new one: each is used by one probe only. */
    take: (target: Target, launch: () => Promise<B>) => ahead.take(target, () => startSession(launch)),
  };
}
