/**
 * Runs one healthy app in the foreground, for containers: `serve.ts --app http --host 0.0.0.0
 * --port 8080 [--port 8081]`. The compose stack breaks things around it (bind address,
 * firewall, DNS), never the app itself. Stops cleanly on SIGTERM so `docker stop` is quick.
 * `--app strip-proxy --upstream HOST:PORT` is the one broken peer: a reverse proxy that drops
 * the Upgrade/Connection headers (servers/src/apps/proxy.ts); `--app userland-proxy --upstream
 * HOST:PORT` forwards TCP as Docker's docker-proxy does (apps/userland-proxy.ts). `--stall` breaks the process, not
 * the app: once listening it blocks its event loop, as a server stuck in synchronous work.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Listening } from "../apps/http.ts";
import { apps } from "../apps/index.ts";
import { startProxy } from "../apps/proxy.ts";
import { startUserlandProxy } from "../apps/userland-proxy.ts";
import { stallForever } from "./stall.ts";

const { values } = parseArgs({
  options: {
    app: { type: "string" },
    host: { type: "string", default: "0.0.0.0" },
    port: { type: "string", multiple: true },
    upstream: { type: "string" },
    /** Written once every port listens: the container's healthcheck tests for it. */
    "ready-file": { type: "string" },
    /** Once ready, block the event loop for good: a stuck server that accepts nothing more. */
    stall: { type: "boolean", default: false },
  },
});
const [upstreamHost = "127.0.0.1", upstreamPort] = (values.upstream ?? "").split(":");
const stripProxy = (options: { host: string; port: number }): Promise<Listening> =>
  startProxy({ ...options, upstreamHost, upstreamPort: Number(upstreamPort), forwardUpgrade: false });
const userlandProxy = (options: { host: string; port: number }): Promise<Listening> =>
  startUserlandProxy({ ...options, upstreamHost, upstreamPort: Number(upstreamPort) });
const start =
  values.app === "strip-proxy" && upstreamPort
    ? stripProxy
    : values.app === "userland-proxy" && upstreamPort
      ? userlandProxy
      : values.app === undefined
        ? undefined
        : apps[values.app];
const ports = (values.port ?? []).map(Number);
if (!start || ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p <= 0 || p > 65_535)) {
  process.stderr.write(
    `usage: serve.ts --app ${Object.keys(apps).join("|")}|strip-proxy|userland-proxy [--upstream HOST:PORT] [--host ADDRESS] --port N [--port N…] [--ready-file PATH]\n`,
  );
  process.exit(2);
}
const listening = await Promise.all(ports.map((port) => start({ host: values.host, port })));
for (const l of listening) process.stdout.write(`serve: ${values.app} listening on ${l.host}:${l.port}\n`);
if (values["ready-file"]) writeFileSync(values["ready-file"], "");
// Before the SIGTERM handler below: `docker stop` still ends a stalled server at once.
if (values.stall) stallForever();

const stop = async () => {
  await Promise.all(listening.map((l) => l.close()));
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
