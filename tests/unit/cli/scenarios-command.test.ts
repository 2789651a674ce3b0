import { scenarioIds } from "@connlab/scenarios";
import { describe, expect, it } from "vitest";
import { connlab } from "../../helpers/cli.ts";

describe("connlab scenarios", () => {
  it("prints every declaration as JSON with --json", async () => {
    const result = await connlab(["scenarios", "--json"]);
    expect(result.exitCode).toBe(0);
    const listed = JSON.parse(String(result.stdout)) as {
      id: string;
      category: string;
      reproducibleIn: string[];
    }[];
    expect(listed.map((s) => s.id)).toEqual(scenarioIds);
    for (const s of listed) expect(s.reproducibleIn.length).toBeGreaterThan(0);
  });

  it("prints a table with id, category, title and tiers", async () => {
    const result = await connlab(["scenarios"]);
    expect(result.exitCode).toBe(0);
    const out = String(result.stdout);
    expect(out).toMatch(/id\s+category\s+title\s+tiers/);
    expect(out).toMatch(
      /refused-loopback-only\s+refused\s+The server listens on 127\.0\.0\.1 only\s+lab, lab-root, docker/,
    );
  });

  it("speaks Spanish for LANG=es_ES, and when the locale says nothing; --lang en wins", {
    timeout: 30_000,
  }, async () => {
    const spanish = /refused-loopback-only\s+refused\s+El servidor solo escucha en 127\.0\.0\.1/;
    for (const env of [{ LANG: "es_ES.UTF-8" }, { LANG: "C.UTF-8" }, { LANG: "" }]) {
      const out = String((await connlab(["scenarios"], { env })).stdout);
      expect(out, JSON.stringify(env)).toMatch(/id\s+categoría\s+título/);
      expect(out, JSON.stringify(env)).toMatch(spanish);
    }
    const english = await connlab(["scenarios", "--lang", "en"], { env: { LANG: "es_ES.UTF-8" } });
    expect(String(english.stdout)).toMatch(/refused-loopback-only\s+refused\s+The server listens/);
    const flagFirst = await connlab(["--lang", "es", "scenarios"]);
    expect(String(flagFirst.stdout)).toMatch(spanish);
  });

  it("keeps --json language-neutral", { timeout: 20_000 }, async () => {
    const es = await connlab(["scenarios", "--json", "--lang", "es"]);
    const en = await connlab(["scenarios", "--json", "--lang", "en"]);
    expect(String(es.stdout)).toBe(String(en.stdout));
  });
});

describe("connlab usage errors", () => {
  it("names an unknown command and the valid ones on one line, exit 2", async () => {
    const result = await connlab(["frobnicate"]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toMatch(
      /^connlab: unknown command "frobnicate"; valid commands: .*scenarios.*$/,
    );
    expect(String(result.stderr).trim().split("\n")).toHaveLength(1);
  });

  it("names an unknown option on one line, exit 2", async () => {
    const result = await connlab(["scenarios", "--frob"]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr).trim()).toBe("connlab: unknown option '--frob'");
  });
});
