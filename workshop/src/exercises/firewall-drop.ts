import { CONNECTED, describeSeen } from "../clients.ts";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";
import { clientAddress, inNamespace, serverAddress } from "../netns.ts";
import { serveInNamespaces } from "../root-serve.ts";
import type { RunState } from "../state.ts";

const port = (ctx: ExerciseContext) => ctx.portBase + 5;
const table = "connlab_workshop";

/** The server namespace's firewall: its input chain drops every SYN to the port, silently. */
function ruleset(port: number): string {
  return [
    `table inet ${table} {`,
    "  chain input {",
    "    type filter hook input priority filter; policy accept;",
    `    tcp dport ${port} drop`,
    "  }",
    "}",
    "",
  ].join("\n");
}

const serverNs = (state: RunState) => state.namespaces.find((n) => n.endsWith("-srv")) ?? "";
const clientNs = (state: RunState) => state.namespaces.find((n) => n.endsWith("-cli")) ?? "";

/** curl from the client namespace, as the attendee runs it; bounded at 2 s. */
async function curlFromClient(state: RunState): Promise<{ code: string; message: string }> {
  const url = `http://${serverAddress}:${state.listening.port}/`;
  const result = await inNamespace(clientNs(state), "curl", [
    "-sS",
    "--connect-timeout",
    "2",
    "--max-time",
    "3",
    "-o",
    "/dev/null",
    url,
  ]);
  if (result.code === 0) return { code: CONNECTED, message: `connected to ${url}` };
  const names: Record<number, string> = { 7: "CURLE_COULDNT_CONNECT", 28: "CURLE_OPERATION_TIMEDOUT" };
  return { code: names[result.code] ?? `CURL_EXIT_${result.code}`, message: result.stderr.trim() };
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
  ports: [{ offset: 5, use: `the HTTP server at ${serverAddress} inside the server namespace` }],
  files: () => ({}),
  serve: (ctx) =>
    serveInNamespaces({
      protocol: "http",
      port: port(ctx),
      prepare: async (pair) => {
        const result = await inNamespace(pair.server, "nft", ["-f", "-"], { input: ruleset(port(ctx)) });
        if (result.code !== 0) throw new Error(`nft: ${result.stderr.trim()}`);
      },
    }),
  hints: (_ctx, state) => [
    `client namespace ${clientNs(state)} (${clientAddress}), server namespace ${serverNs(state)} (${serverAddress})`,
    `try:  sudo ip netns exec ${clientNs(state)} curl -v --connect-timeout 5 http://${serverAddress}:${state.listening.port}/`,
    `look: sudo ip netns exec ${serverNs(state)} ss -ltn`,
    `      sudo ip netns exec ${serverNs(state)} nft -a list ruleset`,
  ],
  see: async (_ctx, state) => [describeSeen({ client: "curl", ...(await curlFromClient(state)) })],
  check: async (_ctx, state) => {
    const listed = await inNamespace(serverNs(state), "nft", ["list", "ruleset"]);
    if (listed.code !== 0) return fail(`cannot read the server's ruleset: ${listed.stderr.trim()}`);
    const blocking = blockingLines(listed.stdout, state.listening.port);
    if (blocking.length > 0) {
      return fail(
        `the server's firewall still blocks port ${state.listening.port}: ${blocking.join("; ")}`,
        `Delete that rule: sudo ip netns exec ${serverNs(state)} nft -a list ruleset, then nft delete rule inet ${table} input handle N`,
      );
    }
    const seen = await curlFromClient(state);
    if (seen.code !== CONNECTED) return fail(describeSeen({ client: "curl", ...seen }));
    return pass(`the ruleset lets port ${state.listening.port} in, and curl ${seen.message}`);
  },
};
