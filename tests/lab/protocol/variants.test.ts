import { getClient, judge, watchdogMs } from "@connlab/probes";
import { type RunningSetup, setups } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";
import { protocolVariants } from "../../helpers/protocol-variants.ts";

// The undeclared variants of the protocol setups, with every Node client and curl.
describe.each(protocolVariants.map((variant) => [variant.name, variant] as const))("%s", (_name, variant) => {
  let running: RunningSetup | undefined;
  afterEach(() => running?.close());

  it("each client prints the recorded text", async () => {
    running = await setups.get(variant.setup)?.start(variant.params);
    if (!running) throw new Error(`no setup ${variant.setup}`);
    const target = running.target;
    const expectations = variant.expect.filter((e) => e.client !== "chromium");
    const verdicts = await Promise.all(
      expectations.map(async (expected) => {
        const observation = await getClient(expected.client).probe(target, { watchdogMs });
        return `${expected.client}: ${judge(observation, expected).why || "ok"}`;
      }),
    );
    expect(verdicts).toEqual(expectations.map((e) => `${e.client}: ok`));
  });
});
