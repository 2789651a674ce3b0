import { describe, expect, it } from "vitest";
import { blockingLines } from "../../../workshop/src/exercises/firewall-drop.ts";

const chain = (rule: string, policy = "accept") =>
  `table inet connlab_workshop {\n  chain input {\n    type filter hook input priority filter; policy ${policy};\n    ${rule}\n  }\n}\n`;

describe("firewall-drop: what still blocks the port", () => {
  it("finds the drop rule the exercise starts with", () => {
    expect(blockingLines(chain("tcp dport 47805 drop"), 47805)).toEqual(["tcp dport 47805 drop"]);
  });

  it("counts a reject, a set naming the port and a drop policy as blocking", () => {
    expect(blockingLines(chain("tcp dport 47805 reject"), 47805)).toHaveLength(1);
    expect(blockingLines(chain("tcp dport { 22, 47805 } drop"), 47805)).toHaveLength(1);
    expect(blockingLines(chain("tcp dport 22 accept", "drop"), 47805)).toHaveLength(1);
  });

  it("lets an accepted port, another port, or an empty ruleset through", () => {
    expect(blockingLines(chain("tcp dport 47805 accept"), 47805)).toEqual([]);
    expect(blockingLines(chain("tcp dport 478050 drop"), 47805)).toEqual([]);
    expect(blockingLines("", 47805)).toEqual([]);
  });
});
