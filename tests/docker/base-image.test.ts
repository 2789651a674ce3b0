import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const image = "node:24-bookworm-slim";

// Every Dockerfile names this image; offline (CI, workshop rooms) it is built locally.
// The tier's global setup (global-setup.ts) builds it when it is missing.
describe("base image", () => {
  it("runs Node 24 with the lab's network tools, without pulling", async () => {
    const { stdout } = await run(
      "docker",
      [
        "run",
        "--rm",
        "--network",
        "none",
        image,
        "sh",
        "-c",
        "node --version && for t in nft curl ip; do command -v $t; done",
      ],
      { timeout: 60_000 },
    );
    const [version, ...tools] = stdout.trim().split("\n");
    expect(version).toMatch(/^v24\./);
    expect(tools).toEqual(["/usr/sbin/nft", "/usr/bin/curl", "/usr/sbin/ip"]);
  });
});
