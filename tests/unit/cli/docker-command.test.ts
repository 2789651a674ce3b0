import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

describe("connlab docker", () => {
  it("lists up, report and down", async () => {
    const result = await connlab(["docker", "--help"]);
    expect(result.exitCode).toBe(0);
    expect(String(result.stdout)).toMatch(/up \[options\][\s\S]*report \[options\][\s\S]*down/);
  });

  it("refuses an unknown category on one line, naming the valid ones, exit 2", async () => {
    const result = await connlab(["docker", "report", "--category", "slow"]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toBe(
      "connlab: option '--category <name>' argument 'slow' is invalid. Allowed choices are refused, timeout, addrnotavail, protocol, closed.",
    );
  });
});
