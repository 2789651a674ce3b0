import { join } from "node:path";
import { browserProbeService, composeProject } from "@connlab/docker";
import { execa } from "execa";
import { repoRoot } from "../helpers/cli.ts";

/**
 * Builds the stack's images once for the whole docker tier, as a user would (`compose build`),
 * current with this checkout: first what an offline build needs (the base image, pnpm's store;
 * each a no-op once there), then the lab's image (servers, probe) and the browser's (the probe
 * with Debian's Chromium, which reuses every layer of the first). Each file used to build what
 * it ran: the same cached build four times, about 40 s each.
 */
export default async function buildImages(): Promise<void> {
  for (const script of ["base/build-offline.sh", "offline/prepare.sh"]) {
    const prepared = await execa("bash", [join(repoRoot, "docker", script)], {
      reject: false,
      timeout: 900_000,
    });
    if (prepared.exitCode !== 0) throw new Error(`docker/${script} failed: ${prepared.stderr}`);
  }
  const stack = composeProject(`connlab-test-build-${process.pid}`);
  const build = await stack.run(
    ["--profile", "all", "--profile", "browser", "build", "probe", browserProbeService],
    900_000,
  );
  if (build.exitCode !== 0) throw new Error(`compose build failed: ${build.stderr}`);
}
