import { exerciseNames } from "@connlab/workshop/names";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { t } from "../i18n/index.ts";
import { paint, table } from "../output.ts";

const say = (line: string) => process.stdout.write(`${line}\n`);

// The workshop's lab (servers, clients, namespaces) loads only when a subcommand runs:
// `connlab workshop --help` answers from the list of names alone.
const lab = () => import("@connlab/workshop");

export function registerWorkshop(program: Command): void {
  const workshop = program.command("workshop").description(commandSummaries.workshop);

  workshop
    .command("preflight")
    .description("check this machine is ready for the workshop; exit 1 if something blocks")
    .action(async () => {
      const { blocks, preflight } = await lab();
      const items = await preflight();
      for (const i of items) {
        const mark = i.ok
          ? paint("green", "✓")
          : i.severity === "block"
            ? paint("red", "✗")
            : paint("yellow", "!");
        say(`${mark} ${i.name.padEnd(15)} ${i.detail}${i.ok ? "" : ` — ${i.fix}`}`);
      }
      const blocked = blocks(items);
      say(blocked ? paint("red", t("workshop.notReady")) : paint("green", t("workshop.ready")));
      process.exitCode = blocked ? 1 : 0;
    });

  workshop
    .command("start")
    .description("break an exercise: start its servers and write the config you will fix")
    .argument("<exercise>", `one of: ${exerciseNames.join(", ")}`)
    .action(async (name: string) => {
      const { context, getExercise, startExercise } = await lab();
      const ex = getExercise(name);
      const state = await startExercise(ex);
      say(`${paint("bold", ex.name)}: ${ex.summary} (${t("workshop.scenario", { id: ex.scenario })})`);
      for (const line of ex.hints(context(ex), state)) say(`  ${line}`);
      say(t("workshop.verify", { command: `pnpm connlab workshop check ${ex.name}` }));
    });

  workshop
    .command("restart")
    .description("restart an exercise's servers so they read your edited config")
    .argument("<exercise>")
    .action(async (name: string) => {
      const { getExercise, restartExercise } = await lab();
      const state = await restartExercise(getExercise(name));
      say(t("workshop.restarted", { name, address: `${state.listening.host}:${state.listening.port}` }));
    });

  workshop
    .command("try")
    .description("run the exercise's clients and show what each prints")
    .argument("<exercise>")
    .action(async (name: string) => {
      const { getExercise, seeExercise } = await lab();
      for (const line of await seeExercise(getExercise(name))) say(line);
    });

  workshop
    .command("check")
    .description("pass only when the fix is really in place (exit 0), else say what is wrong (exit 1)")
    .argument("<exercise>")
    .action(async (name: string) => {
      const { checkExercise, getExercise } = await lab();
      const result = await checkExercise(getExercise(name));
      say(
        result.ok
          ? paint("green", t("workshop.fixed", { name }))
          : paint("red", t("workshop.notFixed", { name })),
      );
      for (const line of result.lines) say(`  ${line}`);
      process.exitCode = result.ok ? 0 : 1;
    });

  workshop
    .command("status")
    .description("which exercises are running and which you have verified")
    .action(async () => {
      const { exercises, isAlive, readProgress, readState } = await lab();
      const progress = readProgress();
      const rows = exercises.map((e) => {
        const state = readState(e.name);
        const running = state && isAlive(state.pid) ? `${state.listening.host}:${state.listening.port}` : "-";
        return [e.name, e.scenario, e.tier, running, progress[e.name] ?? "-"];
      });
      const head = (["exercise", "scenario", "tier", "running", "verified"] as const).map((h) =>
        t(`workshop.head.${h}`),
      );
      say(table(head, rows));
      const done = exercises.filter((e) => progress[e.name]).length;
      say(t("workshop.progress", { done, total: exercises.length }));
    });

  workshop
    .command("stop")
    .description("stop one exercise, or all of them; always cleans up")
    .argument("[exercise]")
    .action(async (name: string | undefined) => {
      const { exercises, getExercise, stopAll, stopExercise } = await lab();
      const stopped = name
        ? (await stopExercise(getExercise(name)))
          ? [name]
          : []
        : await stopAll(exercises);
      for (const stoppedName of stopped) say(t("workshop.stopped", { name: stoppedName }));
    });
}
