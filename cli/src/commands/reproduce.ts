import { NotReproducibleError, plainObservation, reproduce } from "@connlab/probes";
import { type ClientName, clientNames, getScenario } from "@connlab/scenarios";
import { type Command, Option } from "commander";
import { CliError } from "../errors.ts";
import { paint, printJson, table } from "../output.ts";

export function registerReproduce(program: Command): void {
  program
    .command("reproduce")
    .description("set a scenario up, run its clients, tear it down, and show what each saw")
    .argument("<id>", "scenario id (see `connlab scenarios`)")
    .addOption(new Option("--client <name>", "only this client").choices(clientNames))
    .option("--fixed", "apply the declared fix instead: every client must connect")
    .option("--json", "print the report as JSON")
    .action(async (id: string, options: { client?: ClientName; fixed?: boolean; json?: boolean }) => {
      const scenario = getScenario(id);
      const report = await reproduce(scenario, {
        fixed: options.fixed ?? false,
        ...(options.client ? { clients: [options.client] } : {}),
      }).catch((error: unknown) => {
        if (error instanceof NotReproducibleError) throw new CliError(error.message, 1);
        throw error;
      });
      process.exitCode = report.ok ? 0 : 1;
      if (options.json) {
        printJson({
          scenario: report.scenario,
          ok: report.ok,
          fixed: report.fixed,
          observations: report.observations.map(plainObservation),
        });
        return;
      }
      const rows = report.observations.map((o) => [
        o.why === "" ? paint("green", "✓") : paint("red", "✗"),
        `${o.client}\n${paint("dim", o.clientVersion)}`,
        o.code,
        o.message,
        `${o.elapsedMs} ms`,
      ]);
      const title = `${scenario.id}${report.fixed ? " (fixed)" : ""}: ${scenario.title.en}`;
      process.stdout.write(
        `${paint("bold", title)}\n${table(["", "client", "code", "message", "time"], rows)}\n`,
      );
      if (report.facts) {
        // What the setup measured before the clients ran, e.g. connections held = range size.
        const facts = Object.entries(report.facts).map(([key, value]) => `${key}=${value}`);
        process.stdout.write(`${paint("dim", `setup: ${facts.join(" ")}`)}\n`);
      }
      for (const o of report.observations.filter((x) => x.why !== "")) {
        process.stdout.write(`${paint("red", "✗")} ${o.client}: ${o.why}\n`);
      }
      const verdict = report.ok
        ? report.fixed
          ? "fixed: every client connected"
          : "reproduced: every client saw what the guide documents"
        : "not as documented";
      process.stdout.write(`${report.ok ? paint("green", verdict) : paint("red", verdict)}\n`);
    });
}
