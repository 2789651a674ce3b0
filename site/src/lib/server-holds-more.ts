import { z } from "zod";
import recorded from "../data/server-holds-more.json" with { type: "json" };

/**
 * The figures of one real run of bench/server-holds-more.ts (its --json output): one ws server
 * on one port holding more connections than one client address has ports. Validated at build
 * time, so a hand-edited or stale-shaped file fails the build instead of showing a made-up number.
 */
export const ServerHoldsMore = z
  .object({
    recordedAt: z.string(),
    platform: z.string(),
    requested: z.number().int().positive(),
    held: z.number().int().nonnegative(),
    established: z.number().int().nonnegative(),
    sources: z.number().int().positive(),
    clientPortRange: z
      .object({ first: z.number().int(), last: z.number().int(), size: z.number().int().positive() })
      .strict(),
    elapsedMs: z.number().nonnegative(),
    serverProcesses: z.number().int().positive(),
    serverRssKiB: z.object({ before: z.number(), after: z.number() }).strict(),
    memoryPerConnectionBytes: z.number().nonnegative(),
    errors: z.record(z.string(), z.number()),
  })
  .strict();
export type ServerHoldsMore = z.infer<typeof ServerHoldsMore>;

export const serverHoldsMore: ServerHoldsMore = ServerHoldsMore.parse(recorded);
