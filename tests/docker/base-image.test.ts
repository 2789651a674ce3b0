import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.ts";

const run = promisify(execFile);
const image = "node:24-bookworm-slim";

// Every Dockerfile names this image; offline (CI, workshop rooms) it is built locally.
describe("base image", () => {
  beforeAll(async () => {
    await run("bash", [join(repoRoot, "docker", "base", "build-offline.sh")], { timeout: 900_000 });
  }, 900_000);

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
