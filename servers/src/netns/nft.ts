import { shIn } from "./exec.ts";

/** Loads a ruleset (nft's own syntax) into a namespace's nftables; the host's is never touched. */
export async function applyRuleset(netns: string, ruleset: string): Promise<void> {
  await shIn(netns, "nft", ["-f", "-"], { input: ruleset });
}
