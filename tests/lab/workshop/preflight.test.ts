import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

describe("workshop preflight", cliRuns, () => {
  let ws: WorkshopSandbox;
  let squatter: Server | undefined;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(async () => {
    squatter?.close();
    await ws.cleanup();
  });

  it("names a missing Chromium on its own line with the fix, and exits 1", async () => {
    const result = await ws.run(["workshop", "preflight"], { CONNLAB_CHROMIUM: "/nonexistent/chromium" });
    expect(result.exitCode).toBe(1);
    const out = String(result.stdout);
    expect(out).toContain(
      "✗ chromium        no Chromium at /nonexistent/chromium — apt-get install chromium, or point CONNLAB_CHROMIUM at your Chromium\n",
    );
    expect(out).toMatch(/^✓ node {12}Node\.js 24\.\d+\.\d+$/m);
    expect(out.trimEnd().split("\n").at(-1)).toBe("not ready: fix the ✗ lines above");
  });

  it("names an exercise port that something else holds", async () => {
    const taken = ws.portBase + 2;
    squatter = createServer();
    await new Promise<void>((resolve) => squatter?.listen(taken, "127.0.0.1", resolve));
    const result = await ws.run(["workshop", "preflight"]);
    expect(result.exitCode).toBe(1);
    expect(String(result.stdout)).toContain(
      `✗ ports           in use: ${taken} — stop what listens there (ss -ltnp), or move every exercise with CONNLAB_WORKSHOP_PORT_BASE=<another base>\n`,
    );
  });
});
