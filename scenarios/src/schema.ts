import { z } from "zod";
import { categories } from "./categories.ts";
import { Waits } from "./timers.ts";

export { categories, categoryText } from "./categories.ts";
export const Category = z.enum(categories);
export type Category = z.infer<typeof Category>;

/**
 * Where a scenario can be reproduced. `lab` is rootless and loopback only; `lab-root` builds
 * network namespaces with nftables; `docker` runs in the compose stack.
 */
export const labTiers = ["lab", "lab-root", "docker"] as const;
export const LabTier = z.enum(labTiers);
export type LabTier = z.infer<typeof LabTier>;

/** Real clients the probes drive. Each one reports a code and the exact message it printed. */
export const clientNames = [
  "node-net",
  "node-http",
  "fetch",
  "ws",
  "node-websocket",
  // Socket.IO's own client (io(url)): for the scenarios whose server is a Socket.IO app.
  "socket.io-client",
  "curl",
  "chromium",
  "firefox",
] as const;
export const ClientName = z.enum(clientNames);
export type ClientName = z.infer<typeof ClientName>;

/** The clients that are browsers: a page's WebSocket, under the browser's own rules. */
export const browserClients: readonly ClientName[] = ["chromium", "firefox"];

export const Localized = z.object({ es: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof Localized>;

/** A regular expression kept as source text so the catalogue stays plain data (JSON-able). */
const Pattern = z.string().refine(
  (source) => {
    try {
      new RegExp(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: "not a valid regular expression" },
);

/** Another outcome of the same client: its code exactly, its message by pattern. */
const Outcome = z.object({ code: z.string().min(1), message: Pattern }).strict();

/** What one client must observe when the fault is in place. */
export const Expectation = z
  .object({
    client: ClientName,
    /** OS error code (ECONNREFUSED), curl exit name (CURLE_COULDNT_CONNECT), or the client's own. */
    code: z.string().min(1),
    /** Pattern the exact message must match; ports and addresses vary, so they are wildcards. */
    message: Pattern,
    /**
     * The other outcomes a race on the wire picks run to run (a peer's close that reaches the
     * client before its request is a FIN, after it a RST): each one measured, and its page says why.
     */
    or: z.array(Outcome).min(1).optional(),
    /** The wording readers search for (classic Chrome text, older Node), shown beside the real one. */
    classic: z.string().optional(),
    /** Whose timer ends the attempt; tests derive the elapsed-time window from it (timers.ts). */
    waits: Waits.optional(),
  })
  .strict();
export type Expectation = z.infer<typeof Expectation>;

/**
 * A change applied to a healthy setup. `name` refers to an entry of the fault registry in
 * servers/; `params` are that fault's own options, validated by the registry.
 */
export const Change = z
  .object({
    name: z.string().regex(/^[a-z0-9-]+$/),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type Change = z.infer<typeof Change>;

/** `<category>-<name>`: the id says its family, for every category above. */
const categoryAlternatives = categories.join("|");
export const ScenarioId = z.string().regex(new RegExp(`^(${categoryAlternatives})-[a-z0-9-]+$`));

export const Scenario = z
  .object({
    id: ScenarioId,
    category: Category,
    title: Localized,
    /** One or two sentences: the cause, in the reader's words. */
    summary: Localized,
    reproducibleIn: z.array(LabTier).min(1),
    /** What breaks the healthy setup. */
    fault: Change,
    /** Clients that probe the broken setup and what each must observe. */
    expect: z.array(Expectation).min(1),
    fix: z
      .object({
        summary: Localized,
        /** What `reproduce --fixed` applies instead of the fault; every client then connects. */
        apply: Change,
      })
      .strict(),
    /** Page path below the locale root, e.g. `refused/wrong-port`. */
    docs: z.string().regex(new RegExp(`^(${categoryAlternatives})/[a-z0-9-]+$`)),
    related: z.array(ScenarioId).default([]),
    /** Why Chromium has no row, for the ids where a browser cannot meet this failure. */
    noBrowser: Localized.optional(),
    /**
     * Why only a browser has rows, for a policy only browsers enforce (mixed content): other
     * clients have no such rule and would simply connect.
     */
    browserOnly: Localized.optional(),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    if (!scenario.id.startsWith(`${scenario.category}-`)) {
      ctx.addIssue({ code: "custom", message: `id must start with "${scenario.category}-"` });
    }
    const browserRow = scenario.expect.some((e) => e.client === "chromium");
    if (browserRow === (scenario.noBrowser !== undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "declare a chromium expectation, or say in noBrowser why a browser cannot take part",
      });
    }
    if (scenario.browserOnly && scenario.expect.some((e) => !browserClients.includes(e.client))) {
      ctx.addIssue({ code: "custom", message: "a browserOnly scenario declares only browser clients" });
    }
    if (!scenario.docs.startsWith(`${scenario.category}/`)) {
      ctx.addIssue({ code: "custom", message: `docs must live under "${scenario.category}/"` });
    }
  });
export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.infer<typeof Scenario>;
