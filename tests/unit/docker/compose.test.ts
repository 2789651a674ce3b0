import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as docker from "@connlab/docker";
import { getScenario } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../../helpers/cli.ts";

type ComposeService = {
  profiles?: string[];
  command?: string[];
  volumes?: string[];
  cap_add?: string[];
  ports?: unknown;
  networks?: Record<string, unknown>;
  depends_on?: string[];
  image?: string;
  build?: { target?: string };
};

/** The committed file as Compose reads it. */
const file = parse(readFileSync(join(repoRoot, "docker", "compose.yaml"), "utf8")) as {
  version: string;
  services: Record<string, ComposeService>;
  networks: Record<string, { internal?: boolean }>;
};
const model = file.services;

describe("docker/compose.yaml", () => {
  it("is the committed output of docker/generate.ts (run it after changing the catalogue)", () => {
    const committed = readFileSync(join(repoRoot, "docker", "compose.yaml"), "utf8");
    expect(committed).toBe(docker.composeYaml());
    // What a YAML parser reads back is the model itself, with unset keys left out.
    expect(model).toEqual(JSON.parse(JSON.stringify(docker.composeModel())));
  });

  it("runs every lab service quietly, until the probe has printed its report", () => {
    const lab = Object.entries(model).filter(([name]) => !name.startsWith("probe") && name !== "shell");
    expect(lab.length).toBeGreaterThan(10);
    for (const [name, service] of lab) {
      expect(service.command?.slice(0, 2), name).toEqual(["sh", "docker/run-service.sh"]);
      expect(service.volumes, name).toContain("run:/run/connlab");
    }
    for (const [name, service] of Object.entries(model).filter(([n]) => n.startsWith("probe"))) {
      expect(service.volumes, name).toEqual(["run:/run/connlab"]);
    }
    // No healthchecks: the probe waits for the ready files itself (docker/src/ready.ts).
    expect(Object.values(model).filter((s) => "healthcheck" in s)).toEqual([]);
  });

  it.each(docker.dockerTierIds)("%s has its services, client container and probe", (id) => {
    const entry = docker.dockerScenario(id);
    const category = getScenario(id).category;
    const needed = [
      ...entry.services,
      ...(entry.client ? [docker.clientService(id)] : []),
      ...(entry.client?.fixed ? [docker.fixedClientService(id)] : []),
    ];
    for (const name of needed) {
      expect(model[name], name).toBeDefined();
      expect(model[name]?.profiles).toEqual(expect.arrayContaining(["all", category]));
      expect(model.probe?.depends_on).toContain(name);
      expect(model[`probe-${category}`]?.depends_on).toContain(name);
    }
    // The browser profile: the same servers, the client containers' twins with Chromium.
    const twins = needed.map((name) => (name.startsWith("client-") ? `${name}-browser` : name));
    for (const name of twins) {
      expect(model[name]?.profiles, name).toContain("browser");
      expect(model[docker.browserProbeService]?.depends_on).toContain(name);
    }
    // Only an absent host needs no container at all.
    if (needed.length === 0) expect(entry.broken.url).toContain("{absent}");
  });

  it("is safe by default: nothing published, every network internal, NET_ADMIN only where needed", () => {
    const text = docker.composeYaml();
    expect(text).not.toMatch(/^\s+ports:/m);
    expect(text).not.toMatch(/privileged|network_mode|host-gateway/);
    const withCaps = Object.entries(model)
      .filter(([, s]) => s.cap_add)
      .map(([name, s]) => [name, s.cap_add]);
    const expected = [
      ...Object.entries(docker.services)
        .filter(([name, s]) => "nft" in s && name in model)
        .map(([name]) => [name, ["NET_ADMIN"]]),
      ...docker.dockerTierIds
        .filter((id) => docker.dockerScenario(id).client?.capAdd)
        .flatMap((id) => [
          [docker.clientService(id), ["NET_ADMIN"]],
          [docker.clientService(id, true), ["NET_ADMIN"]],
        ]),
    ];
    expect(withCaps.sort()).toEqual(expected.sort());
    expect(file.networks).toEqual({ lab: { internal: true }, private: { internal: true } });
  });

  it("builds the lean lab image for every probe but the browser profile's, which adds Chromium", () => {
    for (const [name, service] of Object.entries(model).filter(([n]) => n.startsWith("probe"))) {
      const browser = name === docker.browserProbeService;
      expect(service.build?.target, name).toBe(browser ? "browser" : "lab");
      expect(service.image, name).toBe(
        browser
          ? `\${CONNLAB_BROWSER_IMAGE:-${docker.browserImage}}`
          : `\${CONNLAB_IMAGE:-connlab-lab:local}`,
      );
      expect(service.profiles, name).toEqual(
        browser ? ["browser"] : [name === "probe" ? "all" : name.slice(6)],
      );
    }
    for (const [name, service] of Object.entries(model).filter(([n]) => n.endsWith("-browser"))) {
      expect(service.image, name).toBe(`\${CONNLAB_BROWSER_IMAGE:-${docker.browserImage}}`);
      expect(service.profiles, name).toEqual(["browser"]);
    }
  });

  it("names a compose version that docker-compose 1.29 accepts with profiles", () => {
    expect(file.version).toBe("3.9");
    expect(readFileSync(join(repoRoot, "docker", ".env"), "utf8")).toBe("COMPOSE_PROFILES=all\n");
  });
});

describe("docker.dockerCommand", () => {
  it("names the scenario's profile, its probe and the scenario", () => {
    expect(docker.dockerCommand("timeout-firewall")).toBe(
      "docker compose -f docker/compose.yaml --profile timeout run probe-timeout --scenario timeout-firewall",
    );
  });

  it("has a shell beside it, on the lab network only, in no profile of the run", () => {
    expect(docker.shellCommand).toBe("docker compose -f docker/compose.yaml run --rm shell");
    expect(model.shell?.profiles).toEqual(["shell"]);
    expect(model.shell?.networks).toEqual({ lab: {} });
  });

  it("adds the browser profile's command when the scenario declares a Chromium row", () => {
    expect(docker.browserDockerCommand("timeout-firewall")).toBe(
      "docker compose -f docker/compose.yaml --profile browser run probe-browser --scenario timeout-firewall",
    );
    expect(docker.browserDockerCommand("protocol-http-to-ws")).toBeUndefined();
  });

  it("refuses a scenario without the docker tier", () => {
    expect(() => docker.dockerCommand("refused-localhost-ipv6")).toThrow(
      "scenario refused-localhost-ipv6 is not reproducible in docker",
    );
  });
});
