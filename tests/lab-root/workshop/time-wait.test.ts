import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliRuns, type WorkshopSandbox, workshopSandbox } from "../../helpers/workshop.ts";

const run = promisify(execFile);

describe("workshop time-wait (root)", cliRuns, () => {
  let ws: WorkshopSandbox;
  beforeAll(async () => {
    ws = await workshopSandbox();
  });
  afterAll(() => ws.cleanup());

  it("runs out of local ports until tcp_tw_reuse=1 is set inside the client namespace", async () => {
    const port = ws.portBase + 6;
    const started = await ws.run(["workshop", "start", "time-wait"]);
    expect(started.exitCode).toBe(0);
    const clientNs = /client namespace (connlab-\d+-\d+-client) /.exec(String(started.stdout))?.[1] ?? "";
    expect(clientNs).not.toBe("");

    // The break is real: the ninth short connection finds all eight ports in TIME_WAIT.
    const seen = await ws.run(["workshop", "try", "time-wait"]);
    expect(String(seen.stdout)).toBe(
      `node-net: connection 9 of 16 failed: connect EADDRNOTAVAIL 198.18.0.2:${port} - Local (0.0.0.0:0)`,
    );
    const before = await ws.run(["workshop", "check", "time-wait"]);
    expect(before.exitCode).toBe(1);
    expect(String(before.stdout).split("\n").slice(0, 2)).toEqual([
      "✗ time-wait: not fixed yet",
      `  in ${clientNs}: tcp_tw_reuse is 0, and ip_local_port_range "40000 40007" holds only 8 ports.`,
    ]);

    await run("ip", ["netns", "exec", clientNs, "sysctl", "-w", "net.ipv4.tcp_tw_reuse=1"]);
    const after = await ws.run(["workshop", "check", "time-wait"]);
    expect(String(after.stdout)).toBe(
      '✓ time-wait: fixed\n  tcp_tw_reuse=1, ip_local_port_range "40000 40007": 16 of 16 short connections connected',
    );
    expect(after.exitCode).toBe(0);
  });

  it("widening the port range is a fix too; the host's own sysctls are untouched", async () => {
    const hostRange = await run("sysctl", ["-n", "net.ipv4.ip_local_port_range"]);
    const started = await ws.run(["workshop", "start", "time-wait"]);
    const clientNs = /client namespace (connlab-\d+-\d+-client) /.exec(String(started.stdout))?.[1] ?? "";
    await run("ip", ["netns", "exec", clientNs, "sysctl", "-w", "net.ipv4.ip_local_port_range=10000 65535"]);
    const after = await ws.run(["workshop", "check", "time-wait"]);
    expect(String(after.stdout)).toBe(
      '✓ time-wait: fixed\n  tcp_tw_reuse=0, ip_local_port_range "10000 65535": 16 of 16 short connections connected',
    );
    expect((await run("sysctl", ["-n", "net.ipv4.ip_local_port_range"])).stdout).toBe(hostRange.stdout);
  });
});
