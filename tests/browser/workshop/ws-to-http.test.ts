import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";
import { tierBrowser } from "../site/tier-browser.ts";

/** Opens a WebSocket from the page and resolves with "open" or the console error Chromium printed. */
async function openWebSocket(page: Page, url: string): Promise<string> {
  const consoleError = new Promise<string>((resolve) =>
    page.on("console", (message) => {
      if (message.type() === "error" && message.text().startsWith("WebSocket")) resolve(message.text());
    }),
  );
  const outcome = await page.evaluate(
    (target) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(target);
        socket.onopen = () => resolve("open");
        socket.onerror = () => resolve("error");
        setTimeout(() => resolve("timeout"), 3_000);
      }),
    url,
  );
  if (outcome !== "error") return outcome;
  return Promise.race([consoleError, new Promise<string>((r) => setTimeout(() => r("no console"), 2_000))]);
}

// What the ws-to-http page tells attendees they will see in Chromium's console, checked for real.
describe("workshop ws-to-http in Chromium", cliRuns, () => {
  let ws: WorkshopSandbox;
  let browser: Browser;
  beforeAll(async () => {
    ws = await workshopSandbox();
    browser = await tierBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await ws?.cleanup();
  });

  it("prints the classic handshake error until the server speaks WebSocket", async () => {
    const port = ws.portBase + 3;
    expect((await ws.run(["workshop", "start", "ws-to-http"])).exitCode).toBe(0);
    // A page from the server's own origin: Chromium lets it reach loopback (about:blank may not).
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: 10_000 });
    expect(await openWebSocket(page, `ws://127.0.0.1:${port}/`)).toBe(
      `WebSocket connection to 'ws://127.0.0.1:${port}/' failed: Error during WebSocket handshake: Unexpected response code: 200`,
    );

    ws.edit("ws-to-http", "server.conf", (text) => text.replace("protocol: http", "protocol: websocket"));
    expect((await ws.run(["workshop", "restart", "ws-to-http"])).exitCode).toBe(0);
    expect(await openWebSocket(page, `ws://127.0.0.1:${port}/`)).toBe("open");
  });
});
