import { join } from "node:path";
import { freePort } from "@connlab/servers";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { englishEnv, repoRoot } from "../../helpers/cli.ts";

// The README's main job, as a user runs it: `connlab start` serves the guide the browser tier
// has just built (so it does not rebuild) and stops cleanly on SIGTERM.
describe("connlab start", () => {
  it("serves the guide on 127.0.0.1 at the port given and stops on SIGTERM", async () => {
    const port = await freePort();
    const child = execa(
      process.execPath,
      [join(repoRoot, "cli", "src", "main.ts"), "start", "--port", String(port)],
      {
        cwd: repoRoot,
        env: { NO_COLOR: "1", ...englishEnv },
        reject: false,
        timeout: 60_000,
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout?.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /^guide: (\S+)/m.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        child.stdout?.once("end", () => reject(new Error(`start exited early: ${out}`)));
      });
      expect(line).toBe(`http://127.0.0.1:${port}/`);
      const page = await fetch(`${line}en/refused/not-listening/`, { signal: AbortSignal.timeout(5_000) });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("The server is not listening");
    } finally {
      child.kill("SIGTERM");
    }
    const result = await child;
    expect(result.exitCode).toBe(0);
    await expect(
      fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }),
    ).rejects.toThrow();
  });
});
