import { z } from "zod";
import { categories } from "./categories.ts";
import { crossFieldProblems, isPattern } from "./cross-checks.ts";
import { waitsKinds } from "./timers.ts";
import { clientNames, labTiers } from "./vocabulary.ts";

const Waits = z.enum(waitsKinds);

const Category = z.enum(categories);
export const LabTier = z.enum(labTiers);
export const ClientName = z.enum(clientNames);

export const Localized = z.object({ es: z.string().min(1), en: z.string().min(1) }).strict();
export type Localized = z.infer<typeof Localized>;

/** A regular expression kept as source text so the catalogue stays plain data (JSON-able). */
const Pattern = z.string().refine(isPattern, { message: "not a valid regular expression" });

/** One outcome a client may show: its code exactly, its message by pattern. */
const Outcome = z
  .object({
    /** OS error code (ECONNREFUSED), curl exit name (CURLE_COULDNT_CONNECT), or the client's own. */
    code: z.string().min(1),
    /** Pattern the exact message must match; ports and addresses vary, so they are wildcards. */
    message: Pattern,
  })
  .strict();

/** What one client must observe when the fault is in place. */
export const Expectation = z
  .object({
    client: ClientName,
    /** OS error code (ECONNREFUSED), curl exit name (CURLE_COULDNT_CONNECT), or the client's own. */
    code: z.string().min(1),
    /** Pattern the exact message must match; ports and addresses vary, so they are wildcards. */
    message: Pattern,
    /**
     * The other outcomes a race on the wire gives the same client, each one measured (a server
     * that closes before or after the request arrives: a FIN or a RST). A run matches the main
     * outcome or one of these; the record comparison takes them alike. Absent: one outcome.
     */
    alternatives: z.array(Outcome).min(1).optional(),
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
    for (const message of crossFieldProblems(scenario)) ctx.addIssue({ code: "custom", message });
  });
export type ScenarioInput = z.input<typeof Scenario>;
export type Scenario = z.infer<typeof Scenario>;
