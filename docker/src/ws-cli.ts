/**
 * `ws URL`: the lab shell's WebSocket client. It opens the URL with the `ws` package, as the
 * catalogue's ws client does (same code), sends one text and prints what came back or why not.
 */
import { CONNECTED, clients, watchdogMs } from "@connlab/probes";

const url = process.argv[2];
const ws = clients.ws;
if (!url || !/^wss?:\/\//.test(url) || !ws) {
  process.stderr.write("usage: ws ws://HOST:PORT/PATH (a WebSocket URL)\n");
  process.exit(2);
}
const seen = await ws.probe({ url }, { watchdogMs });
process.stdout.write(`${seen.code}: ${seen.message}\n`);
process.exitCode = seen.code === CONNECTED ? 0 : 1;
