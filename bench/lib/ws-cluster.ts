import cluster from "node:cluster";
import { parseArgs } from "node:util";
import { startWs } from "@connlab/servers";

/**
 * The reference ws server (servers/src/apps/ws.ts, unchanged) on one port, run by `--workers`
 * processes through node:cluster (round-robin: the primary accepts and hands each socket to a
 * worker). Needed only where one process may not open enough file descriptors: without
 * CAP_SYS_RESOURCE the hard limit cannot be raised. Prints {"port", "pids"} once every worker
 * listens; stops when stdin closes.
 */
if (cluster.isPrimary) {
  const { values } = parseArgs({ options: { workers: { type: "string", default: "1" } } });
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const workers = Array.from({ length: Math.min(Number(values.workers), 16) }, () => cluster.fork());
  const ports = await Promise.all(
    workers.map(
      (worker) => new Promise<number>((resolve) => worker.once("message", (port: number) => resolve(port))),
    ),
  );
  process.stdout.write(`${JSON.stringify({ port: ports[0], pids: workers.map((w) => w.process.pid) })}\n`);
  const stop = () => {
    for (const worker of workers) worker.kill("SIGKILL");
    process.exit(0);
  };
  process.stdin.on("end", stop);
  process.stdin.resume();
  process.once("SIGTERM", stop);
} else {
  const listening = await startWs({ host: "127.0.0.1", port: 0 });
  process.send?.(listening.port);
}
