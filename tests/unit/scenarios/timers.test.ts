import { defaultDataRetries, labDataRetries, retransmitTimeoutMs, waitWindowMs } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";

describe("the kernel's retransmission timer", () => {
  it("gives up as Linux documents it: ~924.6 s by default (tcp_retries2=15), 51 s at the lab's 7", () => {
    // Documentation/networking/ip-sysctl.rst: "The default value of 15 yields a hypothetical
    // timeout of 924.6 seconds". The RTO doubles from 200 ms and stops at 120 s.
    expect(retransmitTimeoutMs(defaultDataRetries)).toBe(924_600);
    expect(retransmitTimeoutMs(labDataRetries)).toBe(51_000);
  });

  it("ends after the clients' own timers, so they still fail by them as by default", () => {
    const kernel = waitWindowMs("data-retries");
    expect(kernel.min).toBeGreaterThan(waitWindowMs("chromium-handshake").max);
    expect(kernel.min).toBeGreaterThan(waitWindowMs("firefox-open").max);
    expect(kernel.min).toBeGreaterThan(waitWindowMs("undici-connect").max);
  });
});
