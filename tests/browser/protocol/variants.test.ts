import { closeChromium, getClient, watchdogMs } from "@connlab/probes";
import { type RunningSetup, setups } from "@connlab/servers";
import { afterAll, afterEach, describe, it } from "vitest";
import { protocolVariants } from "../../helpers/protocol-variants.ts";
import { expectObservation } from "../../helpers/report.ts";

// Chromium's console line for the undeclared variants of the protocol setups.
afterAll(() => closeChromium());

describe.each(protocolVariants.map((variant) => [variant.name, variant] as const))("%s", (_name, variant) => {
  let running: RunningSetup | undefined;
  afterEach(() => running?.close());

  it.each(variant.expect.filter((e) => e.client === "chromium"))("$client prints $code", async (expected) => {
    running = await setups.get(variant.setup)?.start(variant.params);
    if (!running) throw new Error(`no setup ${variant.setup}`);
    const observation = await getClient(expected.client).probe(running.target, { watchdogMs });
    expectObservation(observation, expected);
  });
});
