import { existsSync, readFileSync } from "node:fs";
import { isAlive } from "@connlab/workshop";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

describe("workshop wrong-port", cliRuns, () => {
  let ws: WorkshopSandbox;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(() => ws.cleanup());

  it("fails while client.conf names a port nobody listens on, passes once it names the server's", async () => {
    const started = await ws.run(["workshop", "start", "wrong-port"]);
    expect(started.exitCode).toBe(0);
    expect(String(started.stdout)).toContain(`client config: ${ws.file("wrong-port", "client.conf")}`);

    const before = await ws.run(["workshop", "check", "wrong-port"]);
    expect(before.exitCode).toBe(1);
    expect(String(before.stdout).split("\n").slice(0, 3)).toEqual([
      "✗ wrong-port: not fixed yet",
      `  client.conf points at 127.0.0.1:${ws.portBase + 10}, and fetch saw ECONNREFUSED: fetch failed`,
      "  Nothing listens on that port: find the port the server really uses (ss -ltnp) and put it in the URL.",
    ]);

    ws.edit("wrong-port", "client.conf", (text) =>
      text.replace(`:${ws.portBase + 10}/`, `:${ws.portBase + 1}/`),
    );
    const after = await ws.run(["workshop", "check", "wrong-port"]);
    expect(String(after.stdout)).toBe(
      `✓ wrong-port: fixed\n  fetch saw a working connection: 200 OK at http://127.0.0.1:${ws.portBase + 1}/`,
    );
    expect(after.exitCode).toBe(0);
  });

  it("records the verified exercise in progress.json and shows it in status", async () => {
    const progress = JSON.parse(readFileSync(`${ws.stateDir}/workshop/progress.json`, "utf8")) as {
      verified: Record<string, string>;
    };
    expect(Object.keys(progress.verified)).toEqual(["wrong-port"]);
    const status = await ws.run(["workshop", "status"]);
    expect(status.exitCode).toBe(0);
    expect(String(status.stdout)).toMatch(
      new RegExp(`wrong-port\\s+refused-wrong-port\\s+lab\\s+127\\.0\\.0\\.1:${ws.portBase + 1}\\s+\\d{4}-`),
    );
    expect(String(status.stdout)).toMatch(/time-wait\s+addrnotavail-time-wait\s+lab-root\s+-\s+-/);
    expect(String(status.stdout)).toContain("1 of 6 exercises verified");
  });

  it("stop ends the daemon and removes its state; a check afterwards says how to start", async () => {
    const state = JSON.parse(readFileSync(ws.file("wrong-port", "state.json"), "utf8")) as { pid: number };
    const stopped = await ws.run(["workshop", "stop", "wrong-port"]);
    expect(String(stopped.stdout)).toBe("wrong-port: stopped");
    expect(isAlive(state.pid)).toBe(false);
    expect(existsSync(ws.file("wrong-port", "state.json"))).toBe(false);
    const check = await ws.run(["workshop", "check", "wrong-port"]);
    expect(check.exitCode).toBe(1);
    expect(String(check.stderr)).toBe(
      "connlab: wrong-port is not running: pnpm connlab workshop start wrong-port",
    );
  });
});
