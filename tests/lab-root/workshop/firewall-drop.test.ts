import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

const run = promisify(execFile);

describe("workshop firewall-drop (root)", cliRuns, () => {
  let ws: WorkshopSandbox;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(() => ws.cleanup());

  it("times out while the drop rule stands, passes once the attendee deletes it with nft", async () => {
    const port = ws.portBase + 5;
    const started = await ws.run(["workshop", "start", "firewall-drop"]);
    expect(started.exitCode).toBe(0);
    const serverNs = /server namespace (connlab-\d+-\d+-server) /.exec(String(started.stdout))?.[1] ?? "";
    expect(serverNs).not.toBe("");

    const seen = await ws.run(["workshop", "try", "firewall-drop"]);
    expect(String(seen.stdout)).toMatch(/^curl saw CURLE_OPERATION_TIMEDOUT: curl: \(28\) .+$/);
    const before = await ws.run(["workshop", "check", "firewall-drop"]);
    expect(before.exitCode).toBe(1);
    expect(String(before.stdout).split("\n").slice(0, 2)).toEqual([
      "✗ firewall-drop: not fixed yet",
      `  the server's firewall still blocks port ${port}: tcp dport ${port} drop`,
    ]);

    // What the page tells the attendee: list with handles, delete the rule by its handle.
    const listed = await run("ip", ["netns", "exec", serverNs, "nft", "-a", "list", "ruleset"]);
    const handle = new RegExp(`tcp dport ${port} drop # handle (\\d+)`).exec(listed.stdout)?.[1];
    expect(handle).toBeDefined();
    await run("ip", [
      ...["netns", "exec", serverNs, "nft", "delete", "rule", "inet", "connlab_firewall", "input"],
      ...["handle", String(handle)],
    ]);

    const after = await ws.run(["workshop", "check", "firewall-drop"]);
    expect(String(after.stdout)).toBe(
      `✓ firewall-drop: fixed\n  the ruleset lets port ${port} in, and curl connected to http://198.18.0.2:${port}/`,
    );
    expect(after.exitCode).toBe(0);
  });

  it("stop deletes the namespaces it created", async () => {
    const state = JSON.parse(readFileSync(ws.file("firewall-drop", "state.json"), "utf8")) as {
      namespaces: string[];
    };
    expect(state.namespaces).toEqual(
      expect.arrayContaining([expect.stringMatching(/^connlab-\d+-\d+-client$/)]),
    );
    const status = await ws.run(["workshop", "status"]);
    expect(String(status.stdout)).toMatch(/firewall-drop\s+timeout-firewall\s+lab-root\s+198\.18\.0\.2:\d+/);
    await ws.run(["workshop", "stop", "firewall-drop"]);
    // Other runs may own namespaces too; only this run's lab must be gone.
    const { stdout: after } = await run("ip", ["netns", "list"]);
    for (const name of state.namespaces) expect(after).not.toContain(name);
  });
});
