import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { unusedPort } from "@connlab/servers";
import { describe, expect, it } from "vitest";

// A refused port must stay unanswered while a lab runs: it is taken below the kernel's ephemeral
// range, where no server's listen(0) and no client's connect() lands.
describe("unusedPort", () => {
  it("is below the ephemeral range, and nothing answers there", async () => {
    const low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    const port = await unusedPort();
    expect(port).toBeLessThan(low);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => resolve("connected"));
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? ""));
      socket.setTimeout(2_000, () => resolve("timeout"));
    });
    expect(refused).toBe("ECONNREFUSED");
  });
});
