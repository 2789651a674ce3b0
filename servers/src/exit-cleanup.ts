const cleanups = new Set<() => void>();
let installed = false;

/**
 * Runs `cleanup` (synchronous: the process is going) on SIGINT/SIGTERM and on exit, then dies of
 * the same signal as if we had not caught it (exit code 128+n), unless someone else also handles
 * it. One handler for every kind of lab state (namespaces, containers), so that two of them never
 * each wait for the other to re-raise the signal.
 */
export function onExitSync(cleanup: () => void): void {
  cleanups.add(cleanup);
  if (installed) return;
  installed = true;
  const runAll = () => {
    for (const run of cleanups) run();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    const handler = () => {
      runAll();
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, handler);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, handler);
  }
  // An uncaught error or process.exit() skips every finally: tear down on the way out.
  process.on("exit", runAll);
}
