/**
 * A client container's agent: `agent.ts --scenario <id>`. Some scenarios change the client's
 * own kernel (a tiny ip_local_port_range, tcp_tw_reuse, a default route, a proxy in its
 * environment), so their clients run here, in a namespace of their own, and the probe asks:
 * GET http://client-<id>:9000/ runs the scenario now (with --fixed, in client-<id>-fixed, the
 * documented fix) and answers the result as JSON. The probe's
 * request comes in, so it takes none of this container's ephemeral ports.
 */
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { getScenario } from "@connlab/scenarios";
import { checkFixed, checkScenario } from "./check.ts";
import { agentPort } from "./compose.ts";

const { values } = parseArgs({
  options: { scenario: { type: "string" }, fixed: { type: "boolean" }, "ready-file": { type: "string" } },
});
const id = getScenario(values.scenario ?? "").id;

let running: Promise<unknown> = Promise.resolve();
const server = createServer((_req, res) => {
  // One run at a time: two at once would share, and exhaust, the same tiny port range.
  running = running.then(async () => {
    const check = values.fixed ? checkFixed : checkScenario;
    const result = await check(id).catch((error: unknown) => ({
      scenario: id,
      error: error instanceof Error ? error.message : String(error),
    }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(result));
  });
});
server.listen(agentPort, "0.0.0.0", () => {
  if (values["ready-file"]) writeFileSync(values["ready-file"], "");
  process.stdout.write(`agent: ${id} on :${agentPort}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
