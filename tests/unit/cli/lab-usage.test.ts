import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

function oneLine(stderr: unknown): string {
  const lines = String(stderr).trim().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("connlab reproduce and lab usage errors", () => {
  it("names an unknown scenario on one line, exit 2", async () => {
    const result = await connlab(["reproduce", "refused-nope"]);
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toMatch(
      /^connlab: unknown scenario "refused-nope"; valid ids: refused-wrong-port, /,
    );
  });

  it("names an unknown client on one line, exit 2", async () => {
    const result = await connlab(["reproduce", "refused-wrong-port", "--client", "telnet"]);
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toMatch(
      /^connlab: option '--client <name>' argument 'telnet' is invalid\./,
    );
  });

  it("refuses to start a lab for an unknown scenario, exit 2, nothing started", async () => {
    const result = await connlab(["lab", "up", "refused-wrong-port", "refused-nope"]);
    expect(result.exitCode).toBe(2);
    expect(oneLine(result.stderr)).toMatch(/^connlab: unknown scenario "refused-nope"/);
    expect(String(result.stdout)).toBe("");
  });
});
