import { composeProject } from "@connlab/docker/project";
import { type Category, ConnlabError, categoriesReproducedIn } from "@connlab/scenarios";
import { type Command, Option } from "commander";
import { commandSummaries } from "../command-summaries.ts";

/** The compose project these commands share; tests and bench use projects of their own. */
const stack = composeProject(process.env.CONNLAB_COMPOSE_PROJECT ?? "connlab");
const categoryOption = () =>
  new Option("--category <name>", "only this group (a compose profile)").choices(
    categoriesReproducedIn("docker"),
  );
const profile = (category?: Category) => (category ? ["--profile", category] : []);
const probe = (category?: Category) => (category ? `probe-${category}` : "probe");

async function compose(args: readonly string[], timeoutMs: number): Promise<number> {
  const result = await stack.run(args, timeoutMs, { inherit: true });
  if (result.failed && result.exitCode === undefined) {
    throw new ConnlabError("failed", `docker compose did not run: ${result.shortMessage}`);
  }
  return result.exitCode ?? 1;
}

export function registerDocker(program: Command): void {
  const docker = program.command("docker").description(commandSummaries.docker);
  docker
    .command("up")
    .description("build the image and start the broken servers (nothing is published)")
    .addOption(categoryOption())
    .action(async (options: { category?: Category }) => {
      const build = await compose([...profile(options.category), "build", probe(options.category)], 900_000);
      if (build !== 0)
        throw new ConnlabError(
          "failed",
          "the image did not build (offline? bash docker/base/build-offline.sh)",
        );
      const scale = ["--scale", `${probe(options.category)}=0`];
      process.exitCode = await compose(
        [...profile(options.category), "up", "-d", "--no-build", ...scale],
        600_000,
      );
    });
  docker
    .command("report")
    .description("run the probe: every docker-tier scenario, ✓/✗ per client; exit 0 when all reproduced")
    .addOption(categoryOption())
    .option("--json", "print the report as JSON")
    .action(async (options: { category?: Category; json?: boolean }) => {
      const args = ["run", "-T", probe(options.category), ...(options.json ? ["--json"] : [])];
      process.exitCode = await compose([...profile(options.category), ...args], 300_000);
    });
  docker
    .command("down")
    .description("stop and remove the stack's containers, networks and volume")
    .action(async () => {
      process.exitCode = await compose(["down", "-v", "--remove-orphans", "-t", "2"], 120_000);
    });
}
