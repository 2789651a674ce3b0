import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getScenario, scenarios } from "@connlab/scenarios";
import { freePort, setups } from "@connlab/servers";
import { execa } from "execa";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { englishEnv, repoRoot } from "../../helpers/cli.ts";
import { axeViolations } from "./axe.ts";
import { visit } from "./site-pages.ts";
import { tierBrowser } from "./tier-browser.ts";

interface LabTargets {
  lab: boolean;
  targets: Record<string, { broken: string; fixed: string }>;
}

/** Clicks one of the panel's buttons and returns the line the panel shows once the attempt ends. */
async function press(page: Page, side: "broken" | "fixed"): Promise<string> {
  const output = page.locator(".connlab-try output");
  await page.locator(`.connlab-try button[data-side=${side}]`).click();
  await expect.poll(() => output.textContent(), { timeout: 10_000 }).toMatch(/ ms$/);
  return (await output.textContent()) ?? "";
}

// The guide as `connlab start` serves it, with its lab: each page Chromium reproduces opens the
// lab's broken and fixed targets from the page itself, as a reader's browser would.
describe("try it in this browser", () => {
  const stateDir = mkdtempSync(join(tmpdir(), "connlab-try-it-"));
  let start:
    | (PromiseLike<unknown> & {
        kill(signal: NodeJS.Signals): boolean;
        stdout: NodeJS.ReadableStream | null;
        stderr: NodeJS.ReadableStream | null;
      })
    | undefined;
  let guide = "";
  let lab: LabTargets = { lab: false, targets: {} };
  let output = "";
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    start = execa(
      process.execPath,
      [join(repoRoot, "cli", "src", "main.ts"), "start", "--port", String(port)],
      {
        cwd: repoRoot,
        // A lab state file of its own: the start test may run a lab beside this one.
        env: { NO_COLOR: "1", ...englishEnv, CONNLAB_LAB_STATE: join(stateDir, "lab.json") },
        reject: false,
        timeout: 240_000,
      },
    );
    guide = `http://127.0.0.1:${port}/`;
    for (const stream of [start.stdout, start.stderr])
      stream?.on("data", (chunk: Buffer) => (output += chunk));
    // The lab starts after the guide answers: wait (bounded) until the endpoint says it runs.
    const deadline = Date.now() + 150_000;
    while (!lab.lab && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      lab = await fetch(`${guide}_connlab/lab.json`, { signal: AbortSignal.timeout(2_000) }).then(
        (r) => r.json() as Promise<LabTargets>,
        () => lab,
      );
    }
    browser = await tierBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    start?.kill("SIGTERM");
    await start;
    rmSync(stateDir, { recursive: true, force: true });
  });

  it("offers every page Chromium reproduces in the rootless lab", () => {
    expect(lab.lab, output).toBe(true);
    const inBrowser = scenarios
      .filter(
        (s) =>
          s.expect.some((e) => e.client === "chromium") &&
          s.browserOnly === undefined &&
          setups.get(s.fault.name)?.tier === "lab",
      )
      .map((s) => s.id);
    expect(Object.keys(lab.targets).length).toBeGreaterThan(0);
    for (const id of Object.keys(lab.targets)) expect(inBrowser).toContain(id);
    // Every one of them but those whose failure needs the lab's own stand-ins for the reader's
    // machine: its DNS server (dns-wrong-ip, localhost-ipv6) or proxy variables (proxy); and the
    // certificate ids, whose fixed side is a wss:// target the lab's own CA signs, which the
    // reader's browser rightly refuses (browserUrl). Nor a Socket.IO app, met with its own client
    // in its own page, never the panel's plain WebSocket.
    const tlsIds = scenarios.filter((s) => s.category === "tls").map((s) => s.id);
    const needsTheLab = [
      "refused-dns-wrong-ip",
      "refused-localhost-ipv6",
      "refused-proxy",
      ...tlsIds,
      "closed-socketio-no-sticky",
    ];
    expect(Object.keys(lab.targets).sort()).toEqual(
      inBrowser.filter((id) => !needsTheLab.includes(id)).sort(),
    );
  });

  it("fails against the broken target as the page documents, and connects to the fixed one", async () => {
    for (const id of Object.keys(lab.targets)) {
      const scenario = getScenario(id);
      const documented = scenario.expect.find((e) => e.client === "chromium");
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
      });
      try {
        await visit(page, `${guide}en/${scenario.docs}/`);
        await expect
          .poll(() => page.locator(".connlab-try button[data-side=broken]").isEnabled(), { timeout: 15_000 })
          .toBe(true);
        if (scenario.expect.some((e) => e.waits === "proxy-idle")) {
          // A proxy's idle limit: the socket opens, stays silent, and the path closes it (1006, and
          // Chromium logs no line); fixed, the text sent after the silence gets its echo.
          expect(await press(page, "broken"), id).toMatch(/^Broken target: open → close 1006 · \d+ ms$/);
          expect(consoleErrors, id).toEqual([]);
          expect(await press(page, "fixed"), id).toMatch(/^Fixed target: open → echo → close 1000 · \d+ ms$/);
          continue;
        }
        expect(await press(page, "broken"), id).toMatch(/^Broken target: error → close 1006 · \d+ ms$/);
        // The exact line DevTools shows: the catalogue's documented Chromium message, or one of
        // the alternatives it lists where a race decides (a server that closes at once).
        const lines = [documented, ...(documented?.alternatives ?? [])].map((o) => o?.message ?? "$^");
        expect(
          lines.some((line) => new RegExp(line, "m").test(consoleErrors.join("\n"))),
          `${id}: ${consoleErrors.join("\n")}`,
        ).toBe(true);
        expect(await press(page, "fixed"), id).toMatch(/^Fixed target: open → close 1000 · \d+ ms$/);
      } finally {
        await page.close();
      }
    }
  }, 120_000);

  it("is accessible (axe) in both locales, and says how to start the lab where none answers", async () => {
    const id = Object.keys(lab.targets)[0] ?? "protocol-ws-to-http";
    const docs = getScenario(id).docs;
    for (const prefix of ["", "en/"]) {
      const page = await browser.newPage();
      try {
        await visit(page, `${guide}${prefix}${docs}/`);
        await expect
          .poll(() => page.locator(".connlab-try button[data-side=fixed]").isEnabled(), { timeout: 15_000 })
          .toBe(true);
        expect(await axeViolations(page), prefix).toEqual([]);
      } finally {
        await page.close();
      }
    }
    // The static build served without a lab (the browser tier's own server): one line, no buttons.
    const page = await browser.newPage();
    try {
      await visit(page, `${inject("siteUrl")}/${docs}/`);
      await expect(page.locator(".connlab-try [data-status]").textContent()).resolves.toBe(
        "Para probarlo aquí, sirve la guía con su laboratorio: pnpm connlab start",
      );
      expect(await page.locator(".connlab-try button[data-side=broken]").isDisabled()).toBe(true);
    } finally {
      await page.close();
    }
  }, 60_000);
});
