import { execFile } from "node:child_process";
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
    const serverNs = /server namespace (connlab-wk\d+-srv) /.exec(String(started.stdout))?.[1] ?? "";
    expect(serverNs).not.toBe("");

    const seen = await ws.run(["workshop", "try", "firewall-drop"]);
    expect(String(seen.stdout)).toMatch(
      new RegExp(`^curl saw CURLE_OPERATION_TIMEDOUT: curl: \\(28\\) .*10\\.213\\.0\\.2 port ${port}.*$`),
    );
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
      ...["netns", "exec", serverNs, "nft", "delete", "rule", "inet", "connlab_workshop", "input"],
      ...["handle", String(handle)],
    ]);

    const after = await ws.run(["workshop", "check", "firewall-drop"]);
    expect(String(after.stdout)).toBe(
      `✓ firewall-drop: fixed\n  the ruleset lets port ${port} in, and curl connected to http://10.213.0.2:${port}/`,
    );
    expect(after.exitCode).toBe(0);
  });

  it("stop deletes the namespaces it created", async () => {
    const { stdout: before } = await run("ip", ["netns", "list"]);
    const ours = before.match(/connlab-wk\d+-(cli|srv)/g) ?? [];
    const state = await ws.run(["workshop", "status"]);
    expect(String(state.stdout)).toMatch(/firewall-drop\s+timeout-firewall\s+lab-root\s+10\.213\.0\.2:\d+/);
    await ws.run(["workshop", "stop", "firewall-drop"]);
    const { stdout: after } = await run("ip", ["netns", "list"]);
    // Other runs may own namespaces too; only this run's pair must be gone.
    const pid = /connlab-wk(\d+)-srv/.exec(ours.join(" "))?.[1];
    expect(after).not.toContain(`connlab-wk${pid}-`);
  });
});
