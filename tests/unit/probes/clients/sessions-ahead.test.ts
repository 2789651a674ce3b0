import type { Target } from "@connlab/servers";
import { describe, expect, it } from "vitest";
import { computedAhead, endSession, sessionsAhead } from "../../../../probes/src/clients/browser-session.ts";

// bin/probe.ts warms a browser up for its target, then the probe of that target takes it: one
// launch per run, not one for the warm-up and another for the probe.
describe("sessionsAhead", () => {
  const counting = () => {
    let launches = 0;
    return { launch: async () => ++launches, launches: () => launches };
  };

  it("gives the probe the browser started for its target, once", async () => {
    const ahead = sessionsAhead<number>();
    const browsers = counting();
    const target: Target = { url: "http://127.0.0.1:1/" };
    const started = await ahead.start(target, browsers.launch);
    const taken = await ahead.take(target, browsers.launch);
    expect(taken).toBe(started);
    expect(browsers.launches()).toBe(1);
    // Used by one probe only: the next probe of the same target launches its own.
    const next = await ahead.take(target, browsers.launch);
    expect(next.browser).toBe(2);
    for (const session of [started, next]) await endSession(session, async () => {});
  });

  it("launches for a target nobody warmed up", async () => {
    const ahead = sessionsAhead<number>();
    const browsers = counting();
    await ahead
      .start({ url: "http://127.0.0.1:1/" }, browsers.launch)
      .then((s) => endSession(s, async () => {}));
    const other = await ahead.take({ url: "http://127.0.0.1:1/" }, browsers.launch);
    expect(other.browser).toBe(2);
    await endSession(other, async () => {});
  });
});

// The launch flags and Firefox's extras: one lab DNS query and one CA read per run, not two.
describe("computedAhead", () => {
  it("gives the probe what warmUp worked out for its target, a failure included, once", async () => {
    const ahead = computedAhead<number>();
    let computed = 0;
    const target: Target = { url: "http://127.0.0.1:1/" };
    expect(await ahead.start(target, async () => ++computed)).toBe(1);
    expect(await ahead.take(target, async () => ++computed)).toBe(1);
    expect(await ahead.take(target, async () => ++computed)).toBe(2);
    // A lab DNS that did not answer in the warm-up is the probe's failed run, not a second query.
    const failed = ahead.start(target, async () => Promise.reject(new Error("no answer")));
    await expect(failed).rejects.toThrow("no answer");
    await expect(ahead.take(target, async () => ++computed)).rejects.toThrow("no answer");
    expect(computed).toBe(2);
  });
});
