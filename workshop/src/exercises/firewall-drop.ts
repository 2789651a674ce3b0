import { observe } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { shIn } from "@connlab/servers";
import { CONNECTED, describeSeen } from "../clients.ts";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";
import { hostOf, lanAddress, namespacesHint, serverOnLan, serveSetup } from "../lab.ts";
import type { RunState } from "../state.ts";

const port = (ctx: ExerciseContext) => ctx.portBase + 5;
/** The table the firewall-drop setup loads into the server's namespace. */
const table = "connlab_firewall";

/** curl from the client namespace, as the attendee runs it, through the one runtime. */
async function curlFromClient(state: RunState): Promise<{ code: string; message: string }> {
  const url = `http://${lanAddress.server}:${state.listening.port}/`;
  const target = { url, netns: hostOf(state, "client") };
  const report = await observe(getScenario("timeout-firewall"), target, { clients: ["curl"], fixed: true });
  const seen = report.observations[0];
  if (!seen) return { code: "NO_ANSWER", message: report.failure ?? "" };
  return { code: seen.code, message: seen.code === CONNECTED ? `connected to ${url}` : seen.message };
}

/**
 * Which lines of the server namespace's ruleset still stop TCP to the port: a drop or reject
 * naming it, or an input chain whose policy is drop. Only what the attendee could have left.
 */
export function blockingLines(rulesetText: string, port: number): string[] {
  const lines = rulesetText.split("\n").map((l) => l.trim());
  const namesPort = new RegExp(`\\bdport\\s+(${port}\\b|\\{[^}]*\\b${port}\\b[^}]*\\})`);
  return lines.filter(
    (line) =>
      (namesPort.test(line) && /\b(drop|reject)\b/.test(line)) ||
      /hook input\b.*\bpolicy drop\b/.test(line) ||
      /^(drop|reject)\b/.test(line),
  );
}

export const firewallDropExercise: Exercise = {
  name: "firewall-drop",
  scenario: "timeout-firewall",
  tier: "lab-root",
  summary: "the server's firewall drops the SYN: the client times out",
  ports: [serverOnLan(5)],
  serve: (ctx) => serveSetup("firewall-drop", { port: port(ctx) }),
  hints: (_ctx, state) => [
    namespacesHint(state),
    `try:  sudo ip netns exec ${hostOf(state, "client")} curl -v --connect-timeout 5 http://${lanAddress.server}:${state.listening.port}/`,
    `look: sudo ip netns exec ${hostOf(state, "server")} ss -ltn`,
    `      sudo ip netns exec ${hostOf(state, "server")} nft -a list ruleset`,
  ],
  see: async (_ctx, state) => [describeSeen({ client: "curl", ...(await curlFromClient(state)) })],
  check: async (_ctx, state) => {
    const server = hostOf(state, "server");
    const listed = await shIn(server, "nft", ["list", "ruleset"]).catch((error: Error) => error);
    if (listed instanceof Error) return fail(`cannot read the server's ruleset: ${listed.message}`);
    const blocking = blockingLines(listed, state.listening.port);
    if (blocking.length > 0) {
      return fail(
        `the server's firewall still blocks port ${state.listening.port}: ${blocking.join("; ")}`,
        `Delete that rule: sudo ip netns exec ${server} nft -a list ruleset, then nft delete rule inet ${table} input handle N`,
      );
    }
    const seen = await curlFromClient(state);
    if (seen.code !== CONNECTED) return fail(describeSeen({ client: "curl", ...seen }));
    return pass(`the ruleset lets port ${state.listening.port} in, and curl ${seen.message}`);
  },
};
