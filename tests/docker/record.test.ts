import { recordableInDocker, reproduceBothWays } from "@connlab/probes";
import { getScenario } from "@connlab/scenarios";
import { dockerReady } from "@connlab/servers";
import { execa } from "execa";
import { describe, expect, it } from "vitest";

/**
 * What `connlab record` runs for a scenario only Docker reproduces: the stack's `unpublished`
 * server in a container of the stack's image, seen from this host as a user sees it — the host's
 * own clients against a host port on 127.0.0.1 that was never published — and the fix (the same
 * container with `-p 127.0.0.1:PORT:8080`), through the one runtime.
 */
const scenario = getScenario("refused-docker-unpublished-port");

describe("record through Docker: refused-docker-unpublished-port", () => {
  it("is recordable here: both setups are docker ones, the image is present", async () => {
    expect(recordableInDocker(scenario)).toBe(true);
    expect(await dockerReady()).toBe(true);
  });

  it("is refused by every client unpublished, and connects once published on 127.0.0.1", async () => {
    const [run] = await reproduceBothWays([scenario]);
    expect(run?.broken.failure).toBeUndefined();
    expect(run?.broken.observations.map((o) => [o.client, o.code, o.ok])).toEqual(
      scenario.expect.map((e) => [e.client, e.code, true]),
    );
    expect(run?.broken.observations[0]?.message).toMatch(/^connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(run?.fixed.observations.map((o) => [o.client, o.ok])).toEqual(
      scenario.expect.map((e) => [e.client, true]),
    );
    // Both containers are gone: this run's label is on none.
    const left = await execa("docker", ["ps", "-aq", "--filter", `label=connlab.owner-pid=${process.pid}`]);
    expect(left.stdout).toBe("");
  }, 180_000);
});
