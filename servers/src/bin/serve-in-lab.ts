import { parseArgs } from "node:util";
import { startDns } from "../apps/dns.ts";
import { startFastifyWs } from "../apps/fastify-ws.ts";
import type { Listening } from "../apps/http.ts";
import { apps } from "../apps/index.ts";
import { labPki } from "../lab-ca.ts";
import { exitWithParent } from "./parent.ts";
import { stallForever } from "./stall.ts";

/**
 * A healthy app inside a lab namespace: `serve-in-lab.ts --app http|ws|net|web|wss|dns --host H
 * [--port P] [--record name=ip]…` prints `{"port":N}` once listening and runs until stdin closes.
 * `wss` is `web` over TLS, its certificate from a PKI this process makes: only the root CA's
 * certificate leaves it, on the ready line (`"ca"`), for the lab to tell a client to trust.
 * `--stall`: once listening, the process blocks its own event loop for good (stall.ts); the lab
 * ends it by SIGTERM or, after 2 s, SIGKILL.
 */
const { values } = parseArgs({
  options: {
    app: { type: "string" },
    host: { type: "string", default: "0.0.0.0" },
    port: { type: "string", default: "0" },
    record: { type: "string", multiple: true, default: [] },
    stall: { type: "boolean", default: false },
  },
});
const host = values.host;
const port = Number(values.port);
const starters: Record<string, () => Promise<Listening & { ca?: string }>> = {
  ...Object.fromEntries(
    Object.entries(apps).map(([name, startApp]) => [name, () => startApp({ host, port })]),
  ),
  // The lab's names answer A only, as a plain authoritative server inside the namespace would.
  dns: async () => {
    const records = Object.fromEntries(values.record.map((r) => r.split("=") as [string, string]));
    const zone = Object.fromEntries(Object.entries(records).map(([name, a]) => [name, { a: [a] }]));
    const dns = await startDns(zone, { host, port, doh: false });
    return { host, port: dns.port, close: dns.close };
  },
  wss: async () => {
    const { root, leafOfRoot } = await labPki();
    const cert = leafOfRoot.cert + root.cert;
    return { ...(await startFastifyWs({ host, port, tls: { key: leafOfRoot.key, cert } })), ca: root.cert };
  },
};
const start = starters[values.app ?? ""];
if (!start) throw new Error(`--app must be one of ${Object.keys(starters).join(", ")}`);
const listening = await start();
const ready = { port: listening.port, ...(listening.ca ? { ca: listening.ca } : {}) };
process.stdout.write(`${JSON.stringify(ready)}\n`);
// stdout is a pipe, written synchronously on Linux: the parent has the line before the block.
if (values.stall) stallForever();
exitWithParent(() => listening.close());
