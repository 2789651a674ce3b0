import { t } from "../i18n/index.ts";
import { table } from "../output.ts";
import type { LabEntry } from "./state.ts";

/** The lab's table, as `lab up` prints it and `lab status` repeats it. */
export function printLabTable(entries: readonly LabEntry[]): void {
  const rows = entries.map((e) => [e.id, e.url, e.tryIt]);
  const head = [t("lab.head.scenario"), t("lab.head.url"), t("lab.head.tryIt")];
  process.stdout.write(`${table(head, rows)}\n`);
}
