import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../helpers/cli.ts";

// Asked for a root-lab scenario without root, reproduce refuses in one clear line and builds
// nothing. Run as root, so the test drops to an unprivileged user with setpriv.
describe("connlab reproduce without root", () => {
  it("refuses a root-lab scenario, exit 1", async () => {
    const main = join(repoRoot, "cli", "src", "main.ts");
    const result = await execa(
      "setpriv",
      [
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        process.execPath,
        main,
        "reproduce",
        "timeout-firewall",
      ],
      { reject: false, timeout: 30_000, env: { NO_COLOR: "1" }, cwd: repoRoot },
    );
    expect(result.exitCode).toBe(1);
    expect(String(result.stderr).trim()).toBe(
      "connlab: scenario timeout-firewall needs root (network namespaces); run it as root",
    );
  });
});
