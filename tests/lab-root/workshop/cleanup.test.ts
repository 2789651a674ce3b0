import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

const run = promisify(execFile);

async function namespaces(): Promise<string> {
  return (await run("ip", ["netns", "list"])).stdout;
}

/** A pid that existed and is gone: what a killed workshop daemon leaves in its namespaces' names. */
async function deadPid(): Promise<number> {
  const child = spawn("true");
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid ?? 0;
}

describe("workshop cleanup (root)", cliRuns, () => {
  let ws: WorkshopSandbox;
  const orphan = { name: "" };
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(async () => {
    if (orphan.name) await run("ip", ["netns", "delete", orphan.name]).catch(() => undefined);
    await ws.cleanup();
  });

  it("the next start deletes namespaces whose daemon is dead, and only those", async () => {
    orphan.name = `connlab-${await deadPid()}-1-server`;
    await run("ip", ["netns", "add", orphan.name]);
    const started = await ws.run(["workshop", "start", "firewall-drop"]);
    expect(started.exitCode).toBe(0);
    const listed = await namespaces();
    expect(listed).not.toContain(orphan.name);
    const state = JSON.parse(readFileSync(ws.file("firewall-drop", "state.json"), "utf8")) as {
      namespaces: string[];
    };
    for (const name of state.namespaces) expect(listed).toContain(name);
  });

  it("stop cleans up after a daemon that was killed outright (SIGKILL)", async () => {
    const state = JSON.parse(readFileSync(ws.file("firewall-drop", "state.json"), "utf8")) as {
      pid: number;
      namespaces: string[];
    };
    process.kill(state.pid, "SIGKILL");
    const stopped = await ws.run(["workshop", "stop", "firewall-drop"]);
    expect(String(stopped.stdout)).toBe("firewall-drop: stopped");
    const listed = await namespaces();
    for (const name of state.namespaces) expect(listed).not.toContain(name);
    // The server inside the namespace died with its namespace (or with its parent's stdin).
    const { stdout: servers } = await run("ps", ["-eo", "pid=,args="]);
    expect(servers.split("\n").filter((line) => line.includes(`${state.namespaces[0]}`))).toEqual([]);
  });
});
