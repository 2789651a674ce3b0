import { securityGroup } from "../firewall.ts";
import { applyRuleset, type Lab, routedPair, serve, startLab } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * A cloud "edge" namespace routes between the client (198.18.1.1) and the server (198.18.2.2)
 * and filters like a security group (firewall.ts).
 */
async function build(lab: Lab, open: boolean) {
  const { client, router: edge, server } = await routedPair(lab, "edge");
  const port = await serve(lab, server, "web");
  await applyRuleset(edge, securityGroup(port, open));
  return { target: { url: `http://198.18.2.2:${port}/`, netns: client } };
}

export const edgeDrop: Setup = {
  name: "edge-drop",
  tier: "lab-root",
  describe: "edge router's security group (default deny) drops SYNs to 198.18.2.2:PORT: timeout",
  start: () => startLab((lab) => build(lab, false)),
};

/** The fix: an inbound rule for the port in the security group; the edge forwards the SYN. */
export const edgeOpen: Setup = {
  name: "edge-open",
  tier: "lab-root",
  describe: "edge router's security group allows the port: the handshake completes",
  start: () => startLab((lab) => build(lab, true)),
};
