import { ConnlabError } from "@connlab/scenarios/error";
import { Command, CommanderError, Option } from "commander";
import { type CommandName, commandSummaries } from "./command-summaries.ts";
import { chooseLocale, type Locale, locales } from "./i18n/index.ts";

type Registrar = (program: Command) => void;

/**
 * Each command lives in commands/<name>.ts and registers itself. They are loaded on demand:
 * `connlab doctor` need not load Playwright, fastify and the whole lab before its first check,
 * which would double its start-up. The top-level help and unknown commands load none: they list
 * each command's summary (command-summaries.ts).
 */
const commandModules: Readonly<Record<CommandName, () => Promise<Registrar>>> = {
  scenarios: () => import("./commands/scenarios.ts").then((m) => m.registerScenarios),
  reproduce: () => import("./commands/reproduce.ts").then((m) => m.registerReproduce),
  doctor: () => import("./commands/doctor.ts").then((m) => m.registerDoctor),
  record: () => import("./commands/record.ts").then((m) => m.registerRecord),
  lab: () => import("./commands/lab.ts").then((m) => m.registerLab),
  start: () => import("./commands/start.ts").then((m) => m.registerStart),
  workshop: () => import("./commands/workshop.ts").then((m) => m.registerWorkshop),
  docker: () => import("./commands/docker.ts").then((m) => m.registerDocker),
};

export const commandNames: readonly string[] = Object.keys(commandModules);

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandModules, name);
}

export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("connlab")
    .description("Why a client cannot connect to a server: reproduce, diagnose, fix.")
    .showSuggestionAfterError(true)
    .addOption(
      new Option("--lang <locale>", "language of the output (default: from LC_ALL/LANG, else es)").choices(
        locales,
      ),
    )
    .hook("preAction", (root) => {
      chooseLocale(root.opts<{ lang?: Locale }>().lang);
    })
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors become one line; help still goes to stdout.
      writeErr: (text) =>
        process.stderr.write(text.startsWith("error:") ? `connlab: ${text.slice(7)}` : text),
    });
  // Operands only: the value after --lang is not a command name.
  const words = argv.filter((arg, i) => !arg.startsWith("-") && argv[i - 1] !== "--lang");
  // `connlab help reproduce` needs reproduce's options as much as `connlab reproduce --help`.
  const named = words[0] === "help" ? words[1] : words[0];
  if (named !== undefined && isCommandName(named)) (await commandModules[named]())(program);
  else
    for (const name of commandNames) program.command(name).description(commandSummaries[name as CommandName]);
  program.on("command:*", (operands: string[]) => {
    const valid = commandNames.join(", ");
    throw new ConnlabError("usage", `unknown command "${operands[0]}"; valid commands: ${valid}`);
  });
  return program;
}

/** Runs the CLI and returns the exit code; every error the user can cause is one line. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit "successfully" through the same path.
      if (error.exitCode === 0) return 0;
      return 2;
    }
    // The one place a failure the user can act on becomes its one line and exit status.
    if (error instanceof ConnlabError) {
      process.stderr.write(`connlab: ${error.message}\n`);
      return error.exitStatus;
    }
    throw error;
  }
}
