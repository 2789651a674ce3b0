import { type ChildProcess, spawn } from "node:child_process";
import { ConnlabError } from "@connlab/scenarios";
import { defaultSitePort } from "@connlab/scenarios/site-url";
import type { Command } from "commander";
import { commandSummaries } from "../command-summaries.ts";
import { t } from "../i18n/index.ts";
import { paint } from "../output.ts";
import { buildSite, serveSite, siteBuildLog, siteNeedsBuild } from "../site.ts";

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConnlabError("usage", `--port must be a TCP port (1-65535), not "${value}"`);
  }
  return port;
}

/** `connlab lab up` in a child process: it owns its setups and closes them on SIGTERM. */
function startLab(): ChildProcess {
  const main = new URL("../../bin/connlab.js", import.meta.url).pathname;
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
    .option("--verbose", "show the guide's whole build log instead of one line")
    .action(async (options: { port: number; rebuild?: boolean; lab: boolean; verbose?: boolean }) => {
      if (options.rebuild || siteNeedsBuild()) {
        process.stdout.write(`${t("start.building")}\n`);
        const build = buildSite({ verbose: options.verbose ?? false });
        if (!build.ok) {
          if (build.tail) process.stderr.write(`${build.tail}\n`);
          const message = options.verbose
            ? t("start.buildFailedAbove")
            : t("start.buildFailed", { log: siteBuildLog });
          throw new ConnlabError("failed", message);
        }
      }
      const site = await serveSite(options.port).catch((error: Error) => {
        throw new ConnlabError("failed", `${error.message} (is port ${options.port} taken? try --port)`);
      });
      process.stdout.write(`${paint("bold", t("start.guide"))} ${site.url}  ${t("start.stop")}\n`);
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
      if (!stopping) throw new ConnlabError("failed", exit?.message ?? "the guide's server stopped");
    });
}
