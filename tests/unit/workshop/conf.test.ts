import { describe, expect, it } from "vitest";
import { parseConf } from "../../../workshop/src/conf.ts";

describe("workshop config files", () => {
  it("reads key: value lines, skipping comments and quotes", () => {
    const text =
      "# the server\nhost: 0.0.0.0  # every address\nport: '47802'\n\nurl: http://127.0.0.1:1/#x\n";
    expect(parseConf(text, "server.conf")).toEqual({
      host: "0.0.0.0",
      port: "47802",
      url: "http://127.0.0.1:1/#x",
    });
  });

  it("names the file and line of a line that is not key: value", () => {
    expect(() => parseConf("host 0.0.0.0\n", "server.conf")).toThrow(
      expect.objectContaining({
        code: "bad-config",
        message: 'server.conf line 1 is not "key: value": host 0.0.0.0',
      }),
    );
  });
});
