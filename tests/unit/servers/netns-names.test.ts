import { describe, expect, it } from "vitest";
import { portRuleTable } from "../../../servers/src/firewall.ts";
import { namespaceName, ownerPid } from "../../../servers/src/netns/names.ts";

describe("root lab names", () => {
  it("records the owning pid so leftovers of dead runs can be told apart", () => {
    const name = namespaceName(`${process.pid}-3`, "client");
    expect(name).toBe(`connlab-${process.pid}-3-client`);
    expect(ownerPid(name)).toBe(process.pid);
  });

  it("claims no name that is not a root-lab name", () => {
    for (const other of [
      "connlab-t123",
      "connlab-wk30518-cli",
      "docker-123-1-x",
      "connlab-12-x",
      "connlab-1-2-",
    ]) {
      expect(ownerPid(other), other).toBeUndefined();
    }
  });
});

describe("portRuleTable", () => {
  it("writes one inet table whose hook gives TCP to the port the verdict", () => {
    expect(portRuleTable("connlab_firewall", "input", 8080, "drop")).toBe(
      [
        "table inet connlab_firewall {",
        "  chain input {",
        "    type filter hook input priority 0; policy accept;",
        "    tcp dport 8080 drop",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });
});
