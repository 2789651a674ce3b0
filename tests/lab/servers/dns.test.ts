import { Resolver } from "node:dns/promises";
import { startDns } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

// The lab's DNS server (servers/src/apps/dns.ts) as the root lab runs it: UDP only, asked by
// Node's own resolver.
describe("the lab's DNS server", () => {
  async function resolver() {
    const dns = await startDns({ "app.connlab.test": { a: ["198.18.0.3"] } }, { doh: false });
    close = dns.close;
    const r = new Resolver({ timeout: 1_000, tries: 1 });
    r.setServers([`127.0.0.1:${dns.port}`]);
    return r;
  }

  it("answers an A query for its name with the configured address", async () => {
    expect(await (await resolver()).resolve4("app.connlab.test")).toEqual(["198.18.0.3"]);
  });

  it("answers NXDOMAIN for any other name, and no data for AAAA", async () => {
    const r = await resolver();
    await expect(r.resolve4("other.connlab.test")).rejects.toMatchObject({ code: "ENOTFOUND" });
    await expect(r.resolve6("app.connlab.test")).rejects.toMatchObject({ code: "ENODATA" });
  });
});
