import { type ClientName, clientNames, getScenario } from "@connlab/scenarios";
import { type Command, Option } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { locale, t } from "../i18n/index.ts";
import { paint, printJson, table } from "../output.ts";

export function registerReproduce(program: Command): void {
  program
    .command("reproduce")
    .description(commandSummaries.reproduce)
    .argument("<id>", "scenario id (see `connlab scenarios`)")
    .addOption(new Option("--client <name>", "only this client").choices(clientNames))
    .option("--fixed", "apply the declared fix instead: every client must connect")
    .option("--json", "print the report as JSON")
    .action(async (id: string, options: { client?: ClientName; fixed?: boolean; json?: boolean }) => {
      const scenario = getScenario(id);
      // The lab (servers, clients, Chromium's driver) loads only when a run starts: not for --help.
      const [{ plainObservation, reproduce }, { removeLeftovers }] = await Promise.all([
        import("@connlab/probes"),
        import("@connlab/servers"),
      ]);
      // What dead runs (a SIGKILLed reproduce, a crash) left goes first; live runs keep theirs.
      await removeLeftovers();
      const report = await reproduce(scenario, {
        fixed: options.fixed ?? false,
        ...(options.client ? { clients: [options.client] } : {}),
      });
      process.exitCode = report.ok ? 0 : 1;
      if (options.json) {
        printJson({
          scenario: report.scenario,
          ok: report.ok,
          fixed: report.fixed,
          ...(report.failure ? { failure: report.failure } : {}),
          observations: report.observations.map(plainObservation),
        });
        return;
      }
      const rows = report.observations.map((o) => [
        o.ok ? paint("green", "✓") : paint("red", "✗"),
        // A non-default setting the run needed (a CA the client was told to trust) shows with it.
        [
          o.client,
          ...[o.clientVersion, ...(o.settings ?? []).map((s) => s.setting)].map((l) => paint("dim", l)),
        ].join("\n"),
        o.code,
        o.message,
        `${o.elapsedMs} ms`,
      ]);
      const title = `${scenario.id}${report.fixed ? t("reproduce.fixedSuffix") : ""}: ${scenario.title[locale()]}`;
      const head = ["client", "code", "message", "time"] as const;
      process.stdout.write(
        `${paint("bold", title)}\n${table(["", ...head.map((h) => t(`reproduce.head.${h}`))], rows)}\n`,
      );
      if (report.facts) {
        // What the setup measured before the clients ran, e.g. connections held = range size.
        const facts = Object.entries(report.facts).map(([key, value]) => `${key}=${value}`);
        process.stdout.write(`${paint("dim", t("reproduce.setup", { facts: facts.join(" ") }))}\n`);
      }
      for (const o of report.observations.filter((x) => !x.ok)) {
        process.stdout.write(`${paint("red", "✗")} ${o.client}: ${o.why}\n`);
      }
      if (report.failure)
        process.stdout.write(
          `${paint("red", "✗")} ${t("reproduce.runFailed", { failure: report.failure })}\n`,
        );
      const verdict = t(
        report.ok ? (report.fixed ? "reproduce.fixed" : "reproduce.reproduced") : "reproduce.notAsDocumented",
      );
      process.stdout.write(`${report.ok ? paint("green", verdict) : paint("red", verdict)}\n`);
    });
}
