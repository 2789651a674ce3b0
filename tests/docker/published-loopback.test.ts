import { judge, recordableInDocker, reproduceBothWays } from "@connlab/probes";
import { runDoctor } from "@connlab/probes/doctor";
import { getScenario } from "@connlab/scenarios";
import { dockerReady, type RunningSetup, setups } from "@connlab/servers";
import { execa } from "execa";
import { afterEach, describe, expect, it } from "vitest";

/**
 * closed-docker-published-loopback as `connlab record` runs it: the stack's web app listening on
 * 127.0.0.1 inside its container, published with `-p 127.0.0.1:PORT:8080`, seen from this host.
 * The real docker-proxy accepts, its dial to the container's address is refused, and it closes:
 * every client connects at the TCP level and then loses the connection before an answer. Fixed,
 * the same container with the app on 0.0.0.0 answers every client.
 */
const scenario = getScenario("closed-docker-published-loopback");

describe("record through Docker: closed-docker-published-loopback", () => {
  it("is recordable here: both setups are docker ones, the image is present", async () => {
    expect(recordableInDocker(scenario)).toBe(true);
    expect(await dockerReady()).toBe(true);
  });

  it("connects, then every client loses the connection before an answer; fixed, all connect", async () => {
    const [run] = await reproduceBothWays([scenario]);
    expect(run?.broken.failure).toBeUndefined();
    const broken = run?.broken.observations ?? [];
    // docker-proxy accepted: the TCP connect succeeded, this is no refusal.
    expect(broken.find((o) => o.client === "node-net")).toMatchObject({
      code: "OK",
      message: expect.stringMatching(/^connected to 127\.0\.0\.1:\d+$/),
    });
    // Each row is one of its declared outcomes (curl, Chromium and Node's clients: a RST or a FIN, by the race).
    expect(broken.map((o) => o.client)).toEqual(scenario.expect.map((e) => e.client));
    for (const [i, o] of broken.entries()) {
      const declared = scenario.expect[i];
      if (declared)
        expect(judge(o, declared), `${o.client}: ${o.code} ${o.message}`).toEqual({ ok: true, why: "" });
    }
    // Node's http client: the FIN's "socket hang up" or, when its request met the RST, the read's.
    expect(broken.find((o) => o.client === "node-http")).toMatchObject({
      code: "ECONNRESET",
      message: expect.stringMatching(/^(socket hang up|read ECONNRESET)$/),
    });
    expect(["CURLE_RECV_ERROR", "CURLE_GOT_NOTHING"]).toContain(
      broken.find((o) => o.client === "curl")?.code,
    );
    expect(run?.fixed.failure).toBeUndefined();
    expect(run?.fixed.observations.map((o) => [o.client, o.code])).toEqual(
      scenario.expect.map((e) => [e.client, "OK"]),
    );
    // Both containers are gone: this run's label is on none.
    const left = await execa("docker", ["ps", "-aq", "--filter", `label=connlab.owner-pid=${process.pid}`]);
    expect(left.stdout).toBe("");
  }, 180_000);

  describe("the doctor", () => {
    const running: RunningSetup[] = [];
    afterEach(async () => {
      await Promise.all(running.splice(0).map((r) => r.close()));
    });

    // It sees the listener's process only where it may read its fds: docker-proxy runs as root.
    it.skipIf(process.getuid?.() !== 0)(
      "names the published loopback on the broken setup, by docker-proxy's silent close",
      async () => {
        const started = await setups.get(scenario.fault.name)?.start({});
        if (!started) throw new Error(`no setup ${scenario.fault.name}`);
        running.push(started);
        for (const url of [started.target.url, started.target.url.replace(/^http/, "ws")]) {
          const report = await runDoctor(url, { locale: "en", env: {} });
          expect(report.verdict.category, url).toBe("closed");
          expect(
            report.verdict.causes.map((c) => [c.id, c.confidence]),
            url,
          ).toEqual([["closed-docker-published-loopback", "high"]]);
        }
      },
      120_000,
    );
  });
});
