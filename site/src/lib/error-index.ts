import { constants } from "node:os";
import { getSystemErrorMessage } from "node:util";
import { CONNECTED } from "@connlab/probes/connected";
import type { Category, Scenario } from "@connlab/scenarios";
import { scenarios } from "./catalogue.ts";
import { messagePattern } from "./message-pattern.ts";
import { observations } from "./observations.ts";
import { settingsOf } from "./settings.ts";

/**
 * One line a reader may have on screen, with every client that printed it (or "classic" for the
 * wording people search for). Lines that differ only by address, port, host or elapsed time are
 * one message: `text` shows them with those parts as placeholders.
 */
export interface SeenMessage {
  readonly text: string;
  readonly sources: readonly string[];
}

export interface IndexEntry {
  readonly code: string;
  /** Node.js's own description of an errno code (libuv's wording, not glibc's strerror). */
  readonly osText: string | undefined;
  readonly messages: readonly SeenMessage[];
  readonly scenarios: readonly Scenario[];
  /** Category overview to read when the code is not tied to one scenario of the catalogue. */
  readonly categories: readonly Category[];
}

/**
 * Errno codes readers meet that no scenario expects from its clients yet, with the family whose
 * overview explains them: routers answering ICMP "unreachable" turn a silent timeout into an
 * immediate error.
 */
const familyOnly: Record<string, Category> = {
  EHOSTUNREACH: "timeout",
  ENETUNREACH: "timeout",
  ECONNRESET: "protocol",
};

function osText(code: string): string | undefined {
  const errno = (constants.errno as Record<string, number>)[code];
  return errno === undefined ? undefined : getSystemErrorMessage(-errno);
}

/**
 * Every code and error string the catalogue and the recorded observations know, each with the
 * pages that explain it. Built from data only, so the index cannot drift from the catalogue.
 */
export function errorIndex(): IndexEntry[] {
  const codes = new Map<string, { messages: Map<string, Set<string>>; scenarios: Set<Scenario> }>();
  const entry = (code: string) => {
    let found = codes.get(code);
    if (!found) {
      found = { messages: new Map(), scenarios: new Set() };
      codes.set(code, found);
    }
    return found;
  };
  const seen = (code: string, text: string, source: string) => {
    const messages = entry(code).messages;
    const key = messagePattern(text);
    messages.set(key, (messages.get(key) ?? new Set()).add(source));
  };
  for (const scenario of scenarios) {
    for (const expectation of scenario.expect) {
      // A client that connects even in the broken setup shows no error: nothing to index.
      if (expectation.code === CONNECTED) continue;
      entry(expectation.code).scenarios.add(scenario);
      for (const other of expectation.or ?? []) entry(other.code).scenarios.add(scenario);
      if (expectation.classic) seen(expectation.code, expectation.classic, "classic");
    }
    for (const o of observations.scenarios[scenario.id]?.broken ?? []) {
      if (o.code === CONNECTED) continue;
      entry(o.code).scenarios.add(scenario);
      // A row that needed a non-default setting says so here too, as on its page.
      const settings = settingsOf(o).map((s) => s.setting);
      seen(o.code, o.message, [`${o.client} (${o.clientVersion})`, ...settings].join(", "));
    }
  }
  const entries: IndexEntry[] = [...codes].map(([code, found]) => ({
    code,
    osText: osText(code),
    messages: [...found.messages].map(([text, sources]) => ({ text, sources: [...sources] })),
    scenarios: [...found.scenarios],
    categories: [...new Set([...found.scenarios].map((s) => s.category))],
  }));
  for (const [code, category] of Object.entries(familyOnly)) {
    if (!codes.has(code)) {
      entries.push({ code, osText: osText(code), messages: [], scenarios: [], categories: [category] });
    }
  }
  return entries.sort((a, b) => a.code.localeCompare(b.code));
}
