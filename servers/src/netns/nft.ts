import { shIn } from "./exec.ts";

/** Loads a ruleset (nft's own syntax) into a namespace's nftables; the host's is never touched. */
export async function applyRuleset(netns: string, ruleset: string): Promise<void> {
  await shIn(netns, "nft", ["-f", "-"], { input: ruleset });
}

/**
 * A table with one input hook that treats TCP to `port` with `verdict`. `drop` discards the SYN
 * silently (the client waits: timeout); `reject with tcp reset` answers RST (refused at once);
 * `accept` lets it through. Priority 0 = filter.
 */
export function portRuleTable(
  table: string,
  hook: "input" | "forward",
  port: number,
  verdict: "drop" | "accept" | "reject with tcp reset" | "reject",
): string {
  return `table inet ${table} {
  chain ${hook} {
    type filter hook ${hook} priority 0; policy accept;
    tcp dport ${port} ${verdict}
  }
}
`;
}
