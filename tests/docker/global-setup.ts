import { join } from "node:path";
import type { composeProject } from "@connlab/docker";
import { execa } from "execa";
import { expect } from "vitest";
import { repoRoot } from "../helpers/cli.ts";

/**
 * Builds the stack's images as a user would (`compose build`), current with this checkout:
 * first what an offline build needs (the base image, pnpm's store; each a no-op once there).
 * Every docker test builds what it runs; after the first, the layers are cached.
 */
export async function buildImages(
  stack: ReturnType<typeof composeProject>,
  services: readonly string[],
  profiles: readonly string[] = [],
): Promise<void> {
  for (const script of ["base/build-offline.sh", "offline/prepare.sh"]) {
    const prepared = await execa("bash", [join(repoRoot, "docker", script)], {
      reject: false,
      timeout: 900_000,
    });
    expect(prepared.exitCode, `${script}: ${prepared.stderr}`).toBe(0);
  }
  const build = await stack.run(
    [...profiles.flatMap((p) => ["--profile", p]), "build", ...services],
    900_000,
  );
  expect(build.exitCode, String(build.stderr)).toBe(0);
}
