/**
 * Lab children keep stdin open to their parent: when it closes (the parent ended, even by
 * SIGKILL) or SIGTERM comes, they clean up and exit, so none outlives the run that started it.
 */
export function exitWithParent(cleanup: () => Promise<void> | void): void {
  const bye = async () => {
    await Promise.race([cleanup(), new Promise((resolve) => setTimeout(resolve, 1_000))]);
    process.exit(0);
  };
  process.stdin.on("end", bye);
  process.stdin.on("error", bye);
  process.stdin.resume();
  process.once("SIGTERM", bye);
}
