import type { Command } from "commander";

/**
 * The README's main job: the guide and the local lab together. Until those exist this prints
 * the catalogue, so the quick start stays true at every step.
 */
export function registerStart(program: Command): void {
  program
    .command("start")
    .description("serve the guide and start the local lab (the README's main job)")
    .action(async () => {
      await program.parseAsync(["scenarios"], { from: "user" });
    });
}
