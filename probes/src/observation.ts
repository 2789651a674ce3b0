import { ClientName, Localized } from "@connlab/scenarios/schema";
import { z } from "zod";

export { CONNECTED } from "./connected.ts";

/**
 * One non-default setting a run needed, shown beside the client's name on the site: the lab's
 * shortened kernel timer, an opt-in variable, a flag that points a client at the lab's DNS.
 */
export const Setting = z
  .object({
    /** As a user would type it: `net.ipv4.tcp_syn_retries=3`, `NODE_USE_ENV_PROXY=1`, `-k`. */
    setting: z.string().min(1),
    /** Where it was set: the client's network namespace, its environment, its command line… */
    where: z.enum([
      "client namespace",
      "environment",
      "command line",
      "client option",
      "browser profile",
      // A server's on the path (a proxy's shortened timer): the same for every client of the run.
      "proxy configuration",
      // The server's own process: a limit it was started with (prlimit --nofile).
      "server process",
    ]),
    /** What a user without it would see instead (another message, another wait). */
    defaultNote: Localized,
  })
  .strict();
export type Setting = z.infer<typeof Setting>;

/** What one real client printed or threw against one target: the unit of evidence. */
export const Observation = z
  .object({
    client: ClientName,
    /** e.g. "Node.js 24.21.0", "curl 7.88.1", "Chromium 156.0.8078.79". */
    clientVersion: z.string(),
    /** OS error code, curl exit name, client-specific code, or "OK". */
    code: z.string(),
    /** The exact text the client printed or its error carried. */
    message: z.string(),
    /** Process exit code for clients that are processes (curl), else null. */
    exitCode: z.number().int().nullable(),
    /** How long the client took, by its own timers and the kernel's: never a bound of the lab's. */
    elapsedMs: z.number().nonnegative(),
    /** Every non-default setting this run needed; absent when the client ran as installed. */
    settings: z.array(Setting).optional(),
    /**
     * What else a browser exposed, where its console words different failures alike (Firefox's
     * "can't establish a connection"): the close code the page saw, and what its Network panel
     * shows for the handshake request.
     */
    clues: z
      .object({
        closeCode: z.number().int().optional(),
        /** The status of the answer to the upgrade request, when one came and it was not 101. */
        httpStatus: z.number().int().optional(),
        /** The browser's internal error name for the request, e.g. NS_ERROR_CONNECTION_REFUSED. */
        networkError: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Observation = z.infer<typeof Observation>;

/**
 * The code of a run the lab's watchdog ended: the client gave no outcome in time. It is a failed
 * observation (no expectation may name it), never a symptom row.
 */
export const WATCHDOG = "CONNLAB_WATCHDOG";

/** The observation alone, without what a report adds to it (expected, why). */
export function plainObservation(o: Observation): Observation {
  const { client, clientVersion, code, message, exitCode, elapsedMs, settings, clues } = o;
  return {
    client,
    clientVersion,
    code,
    message,
    exitCode,
    elapsedMs,
    ...(settings ? { settings } : {}),
    ...(clues ? { clues } : {}),
  };
}
