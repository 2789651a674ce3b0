import { browserClients, type ClientName } from "./vocabulary.ts";

/** Whether `source` compiles as a regular expression: the catalogue keeps its patterns as text. */
export function isPattern(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** The fields the checks below read, as both a declaration and a parsed scenario have them. */
interface Checked {
  readonly id: string;
  readonly category: string;
  readonly docs: string;
  readonly expect: readonly { readonly client: ClientName }[];
  readonly noBrowser?: unknown;
  readonly browserOnly?: unknown;
}

/**
 * The rules between a scenario's fields that no single field's type can say. Plain code, so the
 * catalogue checks them at every load without the schema library; the schema (schema.ts)
 * reports the same messages as issues.
 */
export function crossFieldProblems(scenario: Checked): string[] {
  const problems: string[] = [];
  if (!scenario.id.startsWith(`${scenario.category}-`))
    problems.push(`id must start with "${scenario.category}-"`);
  const browserRow = scenario.expect.some((e) => e.client === "chromium");
  if (browserRow === (scenario.noBrowser !== undefined))
    problems.push("declare a chromium expectation, or say in noBrowser why a browser cannot take part");
  if (scenario.browserOnly && scenario.expect.some((e) => !browserClients.includes(e.client)))
    problems.push("a browserOnly scenario declares only browser clients");
  if (!scenario.docs.startsWith(`${scenario.category}/`))
    problems.push(`docs must live under "${scenario.category}/"`);
  return problems;
}
