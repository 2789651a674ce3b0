/**
 * How long the compose stack takes to reach the probe's report: `node bench/docker.ts [--cold]`.
 * Warm: images present; up, report, down. Cold (--cold) adds everything from nothing: the
 * offline base built afresh (under a tag of its own, removed afterwards, so nobody else's base
 * image is touched) and the lab image built without cache. Prints figures only.
 */
import { join } from "node:path";
import { composeProject, image } from "@connlab/docker";
import { execa } from "execa";

const root = join(import.meta.dirname, "..");
const cold = process.argv.includes("--cold");
const stack = composeProject(`connlab-bench-${process.pid}`);

async function timed(label: string, step: () => Promise<{ exitCode?: number | undefined }>): Promise<number> {
  const start = performance.now();
  const result = await step();
  const seconds = (performance.now() - start) / 1000;
  if (result.exitCode !== 0 && !(label === "report" && result.exitCode === 1)) {
    throw new Error(`${label} failed (exit ${result.exitCode})`);
  }
  process.stdout.write(`  ${label.padEnd(12)} ${seconds.toFixed(1).padStart(6)} s\n`);
  return seconds;
}

const opts = { cwd: root, reject: false, timeout: 900_000 } as const;
const steps: number[] = [];
const base = `connlab-bench-base-${process.pid}:cold`;
process.stdout.write(`docker stack, ${cold ? "cold (from nothing)" : "warm (images present)"}\n`);
try {
  if (cold) {
    steps.push(
      await timed("base image", () =>
        execa("bash", ["docker/base/build-offline.sh", "--force"], {
          ...opts,
          env: { CONNLAB_BASE_IMAGE: base },
        }),
      ),
    );
    steps.push(
      await timed("lab image", () =>
        execa(
          "docker",
          [
            "build",
            "-q",
            "--no-cache",
            "--build-arg",
            `BASE=${base}`,
            "-f",
            "docker/Dockerfile",
            "-t",
            image,
            ".",
          ],
          opts,
        ),
      ),
    );
  }
  steps.push(await timed("up", () => stack.run(["up", "-d", "--no-build", "--scale", "probe=0"], 600_000)));
  steps.push(await timed("report", () => stack.run(["run", "--no-deps", "-T", "probe", "--json"], 300_000)));
} finally {
  await stack.run(["down", "-v", "--remove-orphans", "-t", "2"], 120_000);
  if (cold) {
    // Back to the image on the usual base (cached layers), then the bench's base can go.
    await execa("docker", ["build", "-q", "-f", "docker/Dockerfile", "-t", image, "."], opts);
    await execa("docker", ["image", "rm", base], { reject: false });
  }
}
const total = steps.reduce((a, b) => a + b, 0);
process.stdout.write(`  ${"total".padEnd(12)} ${total.toFixed(1).padStart(6)} s\n`);
