import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { testsFirefox } from "../../helpers/firefox.ts";

const fixture = join(import.meta.dirname, "fixtures", "watched-firefox.ts");

/**
 * The decoy network exists only inside the namespace: a veth pair with both ends there and no
 * one behind the far end (ARP for the gateway goes unanswered), so nothing it carries arrives.
 */
const decoyAddress = "198.18.0.99";

/**
 * Every packet Firefox sends anywhere but loopback is counted and dropped, and so is every DNS
 * query, loopback included (a machine whose resolver is 127.0.0.53 would otherwise hide one).
 * The decoy default route makes a missed preference visible here: without it, such a packet
 * would fail at the route lookup (ENETUNREACH) before any hook could see it.
 */
const watch = `
table inet connlab_watch {
  counter control {}
  counter outside {}
  counter dns {}
  set seen { type ipv4_addr; flags dynamic; }
  set seen6 { type ipv6_addr; flags dynamic; }
  chain out {
    type filter hook output priority 0; policy accept;
    meta l4proto { tcp, udp } th dport 53 counter name "dns" drop
    oifname "lo" accept
    ip daddr ${decoyAddress} counter name "control" drop
    meta nfproto ipv4 add @seen { ip daddr }
    meta nfproto ipv6 add @seen6 { ip6 daddr }
    counter name "outside" drop
  }
}`;

const setup = [
  "ip link set lo up",
  "ip link add decoy type veth peer name decoy-end",
  // No IPv6 on it: the kernel's own router solicitations would count as packets out.
  "sysctl -qw net.ipv6.conf.decoy.disable_ipv6=1 net.ipv6.conf.decoy-end.disable_ipv6=1",
  "ip addr add 198.18.0.1/24 dev decoy",
  "ip link set decoy up",
  "ip link set decoy-end up",
  "ip route add default via 198.18.0.2",
  'printf "%s" "$WATCH" | nft -f -',
  'exec "$@"',
].join(" && ");

interface NftJson {
  nftables: {
    counter?: { name: string; packets: number };
    set?: { name: string; elem?: unknown[] };
  }[];
}

// Firefox is started with the probes' preferences, in a network namespace of its own (as
// `connlab reproduce` runs it), but one with a way out: the watch shows where it tried to send
// packets meanwhile. The namespace is the second fence; this shows the first one holds.
describe.runIf(testsFirefox())("Firefox with the probes' preferences", () => {
  it("sends no packet anywhere but loopback while it starts, probes and idles", async () => {
    const namespaces = process.getuid?.() === 0 ? ["--net"] : ["--net", "--map-root-user"];
    const { stdout } = await promisify(execFile)(
      "unshare",
      [...namespaces, "sh", "-c", setup, "sh", process.execPath, fixture, "15000", `http://${decoyAddress}/`],
      { env: { ...process.env, WATCH: watch }, timeout: 150_000 },
    );
    const entries = (JSON.parse(stdout) as NftJson).nftables;
    const packets = (name: string) => entries.find((e) => e.counter?.name === name)?.counter?.packets;
    const seen = entries.filter((e) => e.set?.name.startsWith("seen")).flatMap((e) => e.set?.elem ?? []);
    // The watch works: the page's one request to the decoy network was counted.
    expect(packets("control")).toBeGreaterThan(0);
    expect({ outside: packets("outside"), dns: packets("dns"), destinations: seen }).toEqual({
      outside: 0,
      dns: 0,
      destinations: [],
    });
  }, 180_000);
});
