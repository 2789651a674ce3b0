import { trustFile } from "../lab-ca.ts";
import { applyRuleset, type Lab, narrowPath, serveOverTls, startLab } from "../netns/index.ts";
import type { Setup } from "../setup.ts";

/**
 * The edge router's rules. It never sends ICMP "fragmentation needed" (a provider that filters
 * ICMP: its own errors are dropped at the output hook), in the fault and in the fix alike; the
 * fix clamps the MSS that every SYN through it announces to what its route's MTU carries, so
 * neither end ever sends a segment the narrow link cannot.
 */
function edgeRules(clamp: boolean): string {
  return `table inet connlab_edge {
  chain output {
    type filter hook output priority 0; policy accept;
    icmp type destination-unreachable icmp code frag-needed drop
  }
  chain forward {
    type filter hook forward priority 0; policy accept;
    ${clamp ? "tcp flags syn tcp option maxseg size set rt mtu" : ""}
  }
}
`;
}

/**
 * HTTPS and WSS at 198.18.2.2 across narrowPath, with the server's CA given to every client to
 * trust (the certificate is not the lesson). TCP's handshake is small and passes; the first
 * full-sized segment is the client's TLS ClientHello, when it is over ~1.2 KB (Node 24's OpenSSL
 * 3.5 and Chromium add a post-quantum key share of over a kilobyte). The edge drops it and says
 * nothing, so the client, never told to send less, retransmits it unchanged until its own timer
 * or the kernel's (the lab shortens the client's tcp_retries2) ends the attempt. A ClientHello
 * that fits (curl's OpenSSL 3.0, with no such key share) gets through the same path.
 */
async function overNarrowPath(lab: Lab, clamp: boolean) {
  const { client, edge, server } = await narrowPath(lab);
  await applyRuleset(edge, edgeRules(clamp));
  const { port, ca } = await serveOverTls(lab, server);
  const trusted = await trustFile({ cert: ca }, [{ cert: ca }]);
  lab.onClose(trusted.remove);
  return {
    target: {
      url: `https://198.18.2.2:${port}/`,
      netns: client,
      trust: trusted.trust,
      silentOnceConnected: true,
    },
  };
}

export const pathMtuBlackHole: Setup = {
  name: "path-mtu-black-hole",
  tier: "lab-root",
  describe:
    "https:// to 198.18.2.2 across a 1280-byte link whose router drops its ICMP fragmentation-needed: a large ClientHello never arrives",
  start: () => startLab((lab) => overNarrowPath(lab, false)),
};

/** The fix: the edge clamps the MSS of every SYN through it to its route's MTU (ICMP still dropped). */
export const mssClamped: Setup = {
  name: "mss-clamped",
  tier: "lab-root",
  describe: "the same path, its edge clamping the MSS to the narrow link's MTU: the handshake completes",
  start: () => startLab((lab) => overNarrowPath(lab, true)),
};
