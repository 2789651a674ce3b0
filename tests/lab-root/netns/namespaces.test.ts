import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ns = `connlab-t${process.pid}`;

// The root lab builds its hosts from network namespaces with nftables inside them; this pins
// that the kernel and tools here can do both, and that nothing is left behind.
describe("network namespaces", () => {
  afterEach(async () => {
    await run("ip", ["netns", "delete", ns]).catch(() => undefined);
  });

  it("creates a namespace with its own nftables ruleset and removes it", async () => {
    await run("ip", ["netns", "add", ns]);
    await run("ip", ["-n", ns, "link", "set", "lo", "up"]);
    await run("ip", ["netns", "exec", ns, "nft", "add table inet connlab_probe"]);
    const { stdout } = await run("ip", ["netns", "exec", ns, "nft", "list", "tables"]);
    expect(stdout.trim()).toBe("table inet connlab_probe");
    const host = await run("nft", ["list", "tables"]);
    expect(host.stdout).not.toContain("connlab_probe");
    await run("ip", ["netns", "delete", ns]);
    const { stdout: left } = await run("ip", ["netns", "list"]);
    expect(left).not.toContain(ns);
  });
});
