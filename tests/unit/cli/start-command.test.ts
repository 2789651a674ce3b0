import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

// The serving path itself runs in the browser tier (tests/browser/site/start.test.ts), where the
// guide is built; here only what fails before anything is built or served.
describe("connlab start", () => {
  it.each(["x", "0", "70000"])("rejects --port %s as bad usage, in one line", async (port) => {
    const result = await connlab(["start", "--port", port]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toBe(`connlab: --port must be a TCP port (1-65535), not "${port}"`);
  });
});
