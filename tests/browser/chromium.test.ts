import { createServer, type Server } from "node:http";
import { launchChromium } from "@connlab/probes/chromium";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Debian's Chromium, driven by Playwright, with the flags that keep it off the network.
describe("Chromium", () => {
  let browser: Browser;
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    server = createServer((_req, res) =>
      res.end("<!doctype html><title>lab</title><p>hello from loopback</p>"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address && typeof address === "object") port = address.port;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it("renders a page served on loopback", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`, { timeout: 10_000 });
    expect(await page.textContent("p")).toBe("hello from loopback");
  });
});
