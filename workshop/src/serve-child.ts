/**
 * A healthy server as a process of its own, for the root exercises: the daemon starts it inside
 * the server namespace with `ip netns exec`. Usage: serve-child.ts <http|ws|net> <host> <port>.
 * Prints "listening" once bound; closes on SIGTERM.
 */
import { startHttp, startNet, startWs } from "@connlab/servers";

const [protocol, host = "0.0.0.0", portText = "0"] = process.argv.slice(2);
const start = protocol === "ws" ? startWs : protocol === "net" ? startNet : startHttp;
const server = await start({ host, port: Number(portText) });
process.stdout.write(`listening ${server.host}:${server.port}\n`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => void server.close().finally(() => process.exit(0)));
}
