import { Command, CommanderError } from "commander";
import { registerDocker } from "./commands/docker.ts";
import { registerDoctor } from "./commands/doctor.ts";
import { registerLab } from "./commands/lab.ts";
import { registerRecord } from "./commands/record.ts";
import { registerReproduce } from "./commands/reproduce.ts";
import { registerScenarios } from "./commands/scenarios.ts";
import { registerStart } from "./commands/start.ts";
import { registerWorkshop } from "./commands/workshop.ts";
import { CliError } from "./errors.ts";

/** Each command lives in commands/<name>.ts and registers itself here. */
const registrars: readonly ((program: Command) => void)[] = [
  registerScenarios,
  registerReproduce,
  registerDoctor,
  registerRecord,
  registerLab,
  registerStart,
  registerWorkshop,
  registerDocker,
];

export function buildProgram(): Command {
  const program = new Command("connlab")
    .description("Why a client cannot connect to a server: reproduce, diagnose, fix.")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      // Commander's own usage errors become one line; help still goes to stdout.
      writeErr: (text) =>
        process.stderr.write(text.startsWith("error:") ? `connlab: ${text.slice(7)}` : text),
    });
  for (const register of registrars) register(program);
  program.on("command:*", (operands: string[]) => {
    const valid = program.commands.map((c) => c.name()).join(", ");
    throw new CliError(`unknown command "${operands[0]}"; valid commands: ${valid}`);
  });
  return program;
}

/** Runs the CLI and returns the exit code; every error the user can cause is one line. */
export async function run(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit "successfully" through the same path.
      if (error.exitCode === 0) return 0;
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`connlab: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof Error && "code" in error && error.code === "CONNLAB_UNKNOWN_SCENARIO") {
      process.stderr.write(`connlab: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
