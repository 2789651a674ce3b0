import { defineConfig } from "vitest/config";
import { tierNames } from "./tests/tiers.ts";

/** One Vitest project per tier, named after its folder under tests/ (see tests/README.md). */
export default defineConfig({
  test: {
    projects: tierNames.map((name, order) => ({
      test: {
        name,
        // Tiers with their own maxWorkers must run in groups of their own: in the tiers' order.
        sequence: { groupOrder: order },
        include: [`tests/${name}/**/*.test.ts`],
        // Lab, docker and browser tests bound each connect themselves; this is the backstop. Unit
        // tests that spawn the CLI wait for a Node start, which takes seconds on a busy machine.
        // A root-lab run starts its servers and a Chromium inside its own namespaces, and its clients
        // wait for the kernel's own (lab-shortened) timers: minutes on a loaded 2-core machine.
        testTimeout: name === "unit" ? 30_000 : name === "lab-root" ? 240_000 : 60_000,
        hookTimeout: name === "docker" ? 600_000 : 120_000,
        // Vitest's default is one worker fewer than the cores: one on a 2-core machine, so every
        // file ran after the other. Lab files mostly wait (on the kernel's timers, on a workshop's
        // daemon, on a client's own timeout), not compute: three at a time. Each root-lab run names
        // its namespaces after its own pid and sweeps only dead runs' leftovers, so root-lab files
        // run side by side too. The docker tier drives one compose project: one file at a time.
        fileParallelism: name !== "docker",
        ...(name === "lab" || name === "lab-root" ? { maxWorkers: 3 } : {}),
        // The browser tier builds the guide once, launches one Chromium, and shares both.
        globalSetup: name === "browser" ? ["tests/browser/site/global-setup.ts"] : [],
      },
    })),
  },
});
