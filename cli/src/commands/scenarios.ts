import { scenarios } from "@connlab/scenarios";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { locale, t } from "../i18n/index.ts";
import { printJson, table } from "../output.ts";

export function registerScenarios(program: Command): void {
  program
    .command("scenarios")
    .description(commandSummaries.scenarios)
    .option("--json", "print the full declarations as JSON")
    .action((options: { json?: boolean }) => {
      if (options.json) {
        printJson(scenarios);
        return;
      }
      const rows = scenarios.map((s) => [s.id, s.category, s.title[locale()], s.reproducibleIn.join(", ")]);
      const head = [
        t("scenarios.head.id"),
        t("scenarios.head.category"),
        t("scenarios.head.title"),
        t("scenarios.head.tiers"),
      ];
      process.stdout.write(`${table(head, rows)}\n`);
    });
}
