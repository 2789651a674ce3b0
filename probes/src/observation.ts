import { ClientName } from "@connlab/scenarios";
import { z } from "zod";

export { CONNECTED } from "./connected.ts";

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
    elapsedMs: z.number().nonnegative(),
  })
  .strict();
export type Observation = z.infer<typeof Observation>;
