import { type ChildProcess, spawn } from "node:child_process";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { CliError } from "../errors.ts";
import { paint } from "../output.ts";
import { buildSite, defaultSitePort, serveSite, siteNeedsBuild } from "../site.ts";

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new CliError(`--port must be a TCP port (1-65535), not "${value}"`);
  }
  return port;
}

/** `connlab lab up` in a child process: it owns its setups and closes them on SIGTERM. */
function startLab(): ChildProcess {
  const main = new URL("../main.ts", import.meta.url).pathname;
  return spawn(process.execPath, [main, "lab", "up"], { stdio: ["ignore", "inherit", "inherit"] });
}

/**
 * The README's main job: builds the guide when its sources changed since the last build, serves
 * it on 127.0.0.1, and runs the local lab's broken setups beside it, until interrupted.
 */
export function registerStart(program: Command): void {
  program
    .command("start")
    .description(commandSummaries.start)
    .option("--port <port>", "port for the guide on 127.0.0.1", parsePort, defaultSitePort)
    .option("--rebuild", "build the guide even when it looks up to date")
    .option("--no-lab", "serve the guide only, without the local lab")
    .action(async (options: { port: number; rebuild?: boolean; lab: boolean }) => {
      if (options.rebuild || siteNeedsBuild()) {
        process.stdout.write("building the guide…\n");
        if (!buildSite()) throw new CliError("the guide failed to build (see above)", 1);
      }
      const site = await serveSite(options.port).catch((error: Error) => {
        throw new CliError(`${error.message} (is port ${options.port} taken? try --port)`, 1);
      });
      process.stdout.write(`${paint("bold", "guide:")} ${site.url}  (Ctrl+C to stop)\n`);
      const lab = options.lab ? startLab() : undefined;
      let stopping = false;
      const stop = () => {
        stopping = true;
        lab?.kill("SIGTERM");
        site.stop();
      };
      for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
      const exit = await site.exited;
      if (lab && lab.exitCode === null && lab.signalCode === null) {
        lab.kill("SIGTERM");
        await new Promise((resolve) => lab.once("exit", resolve));
      }
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      if (!stopping) throw new CliError(exit.message, 1);
    });
}
