import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

// The bench at a small scale: a client range of 500 ports per source address, and a server
// holding 1,600 connections from 4 addresses, more than three times one address's range.
describe("bench/server-holds-more", () => {
  it("holds more connections than one client address's port range", async () => {
    const bench = join(repoRoot, "bench", "server-holds-more.ts");
    const result = await execa(
      process.execPath,
      [bench, "--count", "1600", "--sources", "4", "--range", "40000 40499"],
      { reject: false, timeout: 90_000 },
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/one client address's port range\s+500 ports \(40000–40499\)/);
    expect(result.stdout).toMatch(/connections held by the server\s+1,600 of 1,600 \(ss: 1,60\d established/);
    expect(result.stdout).toMatch(/errors\s+\{\}/);
    expect(result.exitCode).toBe(0);
  });
});
