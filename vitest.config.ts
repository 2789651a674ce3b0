import { defineConfig } from "vitest/config";
import { tierNames } from "./tests/tiers.ts";

/** One Vitest project per tier, named after its folder under tests/ (see tests/README.md). */
export default defineConfig({
  test: {
    projects: tierNames.map((name) => ({
      test: {
        name,
        include: [`tests/${name}/**/*.test.ts`],
        // Lab, docker and browser tests bound each connect themselves; this is the backstop. Unit
        // tests that spawn the CLI wait for a Node start, which takes seconds on a busy machine.
        // A root-lab run starts its servers and a Chromium inside its own namespaces, and its clients
        // wait for the kernel's own (lab-shortened) timers: minutes on a loaded 2-core machine.
        testTimeout: name === "unit" ? 30_000 : name === "lab-root" ? 240_000 : 60_000,
        hookTimeout: name === "docker" ? 600_000 : 120_000,
        // One file at a time for the root lab: three at once (tried) kept both cores busy starting
        // servers, Chromiums and probe processes, and the clients' measured times then strayed
        // seconds past the kernel timers' windows (node-net 24.1 s against SYN retries' 23.25 s).
        // The lab tier gained nothing from three workers either (164 s against 138 s): both stay
        // at Vitest's default. The docker tier drives one compose project: one file at a time.
        fileParallelism: name !== "lab-root" && name !== "docker",
        // Unit files share one module graph and two workers: measured on 2 cores, 52 s with
        // Vitest's defaults (one worker in run mode, each file importing the catalogue, the site's
        // data and the CLI afresh) against 15 s. No unit test keeps state past its own cleanup
        // (the env and spies they stub are restored in afterEach).
        ...(name === "unit" ? { isolate: false, maxWorkers: 2 } : {}),
        // The browser tier builds the guide once, launches one Chromium, and shares both; the
        // docker tier builds its images once.
        globalSetup:
          name === "browser"
            ? ["tests/browser/site/global-setup.ts"]
            : name === "docker"
              ? ["tests/docker/global-setup.ts"]
              : [],
      },
    })),
  },
});
