import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";
import { clientAddress, inNamespace, serverAddress } from "../netns.ts";
import { scriptPath } from "../paths.ts";
import { serveInNamespaces } from "../root-serve.ts";
import type { RunState } from "../state.ts";

const port = (ctx: ExerciseContext) => ctx.portBase + 6;
/** Eight local ports: one wave of the burst fills them all with TIME_WAIT. */
const brokenRange = "40000 40007";
const wave = 8;
/** A range this wide absorbs many bursts of 16 inside one TIME_WAIT period (60 s). */
const enoughPorts = 1_024;

const clientNs = (state: RunState) => state.namespaces.find((n) => n.endsWith("-cli")) ?? "";
const serverNs = (state: RunState) => state.namespaces.find((n) => n.endsWith("-srv")) ?? "";

async function sysctl(state: RunState, key: string): Promise<string> {
  const result = await inNamespace(clientNs(state), "sysctl", ["-n", key]);
  if (result.code !== 0) throw new Error(`sysctl ${key}: ${result.stderr.trim()}`);
  return result.stdout.trim().replace(/\s+/g, " ");
}

interface Burst {
  readonly attempted: number;
  readonly connected: number;
  readonly code: string;
  readonly message: string;
}

/** The burst runs in the client namespace, where the sysctls apply (they are per namespace). */
async function burst(state: RunState): Promise<Burst> {
  const result = await inNamespace(
    clientNs(state),
    process.execPath,
    [scriptPath("burst.ts"), serverAddress, String(state.listening.port), String(wave), "2100"],
    { timeoutMs: 30_000 },
  );
  try {
    return JSON.parse(result.stdout) as Burst;
  } catch {
    return { attempted: wave * 2, connected: 0, code: "ERROR", message: result.stderr.trim() };
  }
}

function describeBurst(b: Burst): string {
  return b.code === "OK"
    ? `${b.connected} of ${b.attempted} short connections connected`
    : `connection ${b.connected + 1} of ${b.attempted} failed: ${b.message}`;
}

export const timeWaitExercise: Exercise = {
  name: "time-wait",
  scenario: "addrnotavail-time-wait",
  tier: "lab-root",
  summary: "short connections leave their ports in TIME_WAIT: EADDRNOTAVAIL",
  ports: [{ offset: 6, use: `the line server at ${serverAddress} inside the server namespace` }],
  files: () => ({}),
  serve: (ctx) =>
    serveInNamespaces({
      protocol: "net",
      port: port(ctx),
      prepare: async (pair) => {
        for (const setting of [`net.ipv4.ip_local_port_range=${brokenRange}`, "net.ipv4.tcp_tw_reuse=0"]) {
          const result = await inNamespace(pair.client, "sysctl", ["-w", setting]);
          if (result.code !== 0) throw new Error(`sysctl ${setting}: ${result.stderr.trim()}`);
        }
      },
    }),
  hints: (_ctx, state) => [
    `client namespace ${clientNs(state)} (${clientAddress}), server namespace ${serverNs(state)} (${serverAddress})`,
    "try:  pnpm connlab workshop try time-wait   (16 short connections from the client namespace)",
    `look: sudo ip netns exec ${clientNs(state)} sysctl net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse`,
    `      sudo ip netns exec ${clientNs(state)} ss -tan state time-wait`,
  ],
  see: async (_ctx, state) => [`node-net: ${describeBurst(await burst(state))}`],
  check: async (_ctx, state) => {
    const reuse = await sysctl(state, "net.ipv4.tcp_tw_reuse");
    const range = await sysctl(state, "net.ipv4.ip_local_port_range");
    const [low = 0, high = 0] = range.split(" ").map(Number);
    const size = high - low + 1;
    if (reuse !== "1" && size < enoughPorts) {
      const why =
        reuse === "2"
          ? "tcp_tw_reuse is 2, which reuses TIME_WAIT ports for loopback only, and this client talks over veth0"
          : `tcp_tw_reuse is ${reuse}`;
      return fail(
        `in ${clientNs(state)}: ${why}, and ip_local_port_range "${range}" holds only ${size} ports.`,
        `Enable reuse (sudo ip netns exec ${clientNs(state)} sysctl -w net.ipv4.tcp_tw_reuse=1) or widen the range.`,
      );
    }
    const result = await burst(state);
    if (result.code !== "OK") return fail(`node-net: ${describeBurst(result)}`);
    return pass(`tcp_tw_reuse=${reuse}, ip_local_port_range "${range}": ${describeBurst(result)}`);
  },
};
