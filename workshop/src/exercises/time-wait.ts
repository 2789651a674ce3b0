import { churn, getSysctl, type Load } from "@connlab/servers";
import { type Exercise, type ExerciseContext, fail, pass } from "../exercise.ts";
import { hostOf, lanAddress, namespacesHint, serverOnLan, serveSetup } from "../lab.ts";
import type { RunState } from "../state.ts";

const port = (ctx: ExerciseContext) => ctx.portBase + 6;
/** Eight local ports: one wave of the burst fills them all with TIME_WAIT. */
const wave = 8;
/** A range this wide absorbs many bursts of 16 inside one TIME_WAIT period (60 s). */
const enoughPorts = 1_024;

/**
 * Two waves of short connections from the client namespace, where the sysctls apply (they are
 * per namespace), 2.1 s apart: with tcp_tw_reuse=1 the second wave may take ports whose
 * TIME_WAIT is older than tcp_tw_reuse_delay (1 s); with 0 it cannot.
 */
function burst(state: RunState): Promise<Load> {
  const url = `tcp://${lanAddress.server}:${state.listening.port}`;
  return churn(hostOf(state, "client"), url, { max: wave, waves: 2, pauseMs: 2_100 });
}

function describeBurst(b: Load): string {
  return b.error === null
    ? `${b.done} of ${wave * 2} short connections connected`
    : `connection ${b.done + 1} of ${wave * 2} failed: ${b.message}`;
}

export const timeWaitExercise: Exercise = {
  name: "time-wait",
  scenario: "addrnotavail-time-wait",
  tier: "lab-root",
  summary: "short connections leave their ports in TIME_WAIT: EADDRNOTAVAIL",
  ports: [serverOnLan(6)],
  // The scenario's own setup with its range of eight ports, without its burst: the attendee's.
  serve: (ctx) => serveSetup("time-wait-pressure", { port: port(ctx), size: wave, churn: false }),
  hints: (_ctx, state) => [
    namespacesHint(state),
    "try:  pnpm connlab workshop try time-wait   (16 short connections from the client namespace)",
    `look: sudo ip netns exec ${hostOf(state, "client")} sysctl net.ipv4.ip_local_port_range net.ipv4.tcp_tw_reuse`,
    `      sudo ip netns exec ${hostOf(state, "client")} ss -tan state time-wait`,
  ],
  see: async (_ctx, state) => [`node-net: ${describeBurst(await burst(state))}`],
  check: async (_ctx, state) => {
    const client = hostOf(state, "client");
    const reuse = await getSysctl(client, "net.ipv4.tcp_tw_reuse");
    const range = await getSysctl(client, "net.ipv4.ip_local_port_range");
    const [low = 0, high = 0] = range.split(" ").map(Number);
    const size = high - low + 1;
    if (reuse !== "1" && size < enoughPorts) {
      const why =
        reuse === "2"
          ? "tcp_tw_reuse is 2, which reuses TIME_WAIT ports for loopback only, and this client talks over eth0"
          : `tcp_tw_reuse is ${reuse}`;
      return fail(
        `in ${client}: ${why}, and ip_local_port_range "${range}" holds only ${size} ports.`,
        `Enable reuse (sudo ip netns exec ${client} sysctl -w net.ipv4.tcp_tw_reuse=1) or widen the range.`,
      );
    }
    const result = await burst(state);
    if (result.error !== null) return fail(`node-net: ${describeBurst(result)}`);
    return pass(`tcp_tw_reuse=${reuse}, ip_local_port_range "${range}": ${describeBurst(result)}`);
  },
};
