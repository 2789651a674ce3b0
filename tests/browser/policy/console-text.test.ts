import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeChromium, closeFirefox, launchChromium, observe } from "@connlab/probes";
import { getScenario, scenarios } from "@connlab/scenarios";
import { setups } from "@connlab/servers";
import { afterAll, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { browserRowsOf } from "../../helpers/firefox.ts";
import { expectAsDeclared } from "../../helpers/report.ts";

// The browsers' rows for the policy scenarios through the reproduce() the CLI runs (Firefox's
// where it has one, in a network namespace of its own), and the two facts their pages state
// beyond the rows: mixed content never reaches the server, and a page opened from file://
// sends `Origin: null`.
const policy = scenarios.filter((s) => s.category === "policy");

describe("refused by policy, in the browsers", () => {
  afterAll(() => Promise.all([closeChromium(), closeFirefox()]));

  browserRowsOf(policy);

  it("blocks mixed content before any packet reaches the server", async () => {
    const scenario = getScenario("policy-mixed-content");
    const setup = setups.get(scenario.fault.name);
    if (!setup) throw new Error("no mixed-content setup");
    const running = await setup.start({});
    try {
      // Chromium here, where the setup's server counts what it accepted (Firefox runs only in a
      // namespace of its own, with a setup of its own: its row is asserted above).
      const report = await observe(scenario, running.target, { clients: ["chromium"] });
      expectAsDeclared(report, ["chromium"]);
      expect(running.accepted?.()).toBe(0);
    } finally {
      await running.close();
    }
  });

  it("sends Origin: null from a page opened as a file", async () => {
    const origins: (string | undefined)[] = [];
    const wss = new WebSocketServer({
      host: "127.0.0.1",
      port: 0,
      verifyClient: ({ origin }, done) => {
        origins.push(origin);
        done(false, 403);
      },
    });
    await new Promise((resolve) => wss.once("listening", resolve));
    const address = wss.address();
    const dir = mkdtempSync(join(tmpdir(), "connlab-file-origin-"));
    const browser = await launchChromium();
    try {
      if (address === null || typeof address === "string") throw new Error("no port");
      writeFileSync(join(dir, "page.html"), "<!doctype html><title>connlab</title>");
      const page = await browser.newPage();
      await page.goto(`file://${join(dir, "page.html")}`);
      const closeCode = await page.evaluate(
        (url) =>
          new Promise<number>((resolve) => {
            const socket = new WebSocket(url);
            socket.onclose = (event) => resolve(event.code);
          }),
        `ws://127.0.0.1:${address.port}/`,
      );
      expect({ closeCode, origins }).toEqual({ closeCode: 1006, origins: ["null"] });
    } finally {
      await browser.close();
      wss.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
