import { scenarios, synTimeoutMs, waitWindowMs } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

describe("the browser in the catalogue", () => {
  it("has a Chromium row on at least 20 ids, and says why for each of the others", () => {
    const withChromium = scenarios.filter((s) => s.expect.some((e) => e.client === "chromium"));
    expect(withChromium.length).toBeGreaterThanOrEqual(20);
    const without = scenarios.filter((s) => !withChromium.includes(s));
    expect(without.map((s) => [s.id, s.noBrowser !== undefined])).toEqual(without.map((s) => [s.id, true]));
  });
});

describe("timing windows", () => {
  it("come from the kernel's timers: 6 SYN retries are ~127 s, the lab's 3 are 15 s", () => {
    expect(synTimeoutMs(6)).toBe(127_000);
    expect(synTimeoutMs(3)).toBe(15_000);
    expect(waitWindowMs("syn-retries").min).toBe(14_800);
    // undici's 10 s connect timer fires before the lab's shortened SYN retries give up.
    expect(waitWindowMs("undici-connect").max).toBeLessThan(waitWindowMs("syn-retries").min);
  });

  it("declare, for every timeout row, whose timer ends it", () => {
    const rows = scenarios.filter((s) => s.category === "timeout").flatMap((s) => s.expect);
    expect(rows.filter((e) => e.waits === undefined).map((e) => e.client)).toEqual([]);
  });
});
