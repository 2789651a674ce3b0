import { getClient, watchdogMs } from "@connlab/probes";
import { type RunningSetup, selfSignedCertificate, setups, trustFile } from "@connlab/servers";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";

// The control for the reverse TLS mismatch: the TLS server it starts is healthy, so `ws://`
// fails there only because the scheme is wrong. With `wss://` (and `https://`) every client,
// verifying as by default and told to trust that certificate, connects and gets its echo.
describe("the TLS app behind tls-scheme-mismatch", () => {
  let running: RunningSetup | undefined;
  afterEach(() => running?.close());

  it("answers wss:// and https:// with a self-signed certificate made at setup", async () => {
    running = await setups.get("tls-scheme-mismatch")?.start({ client: "plain" });
    if (!running) throw new Error("no setup tls-scheme-mismatch");
    const certificate = await selfSignedCertificate();
    const { trust, remove } = await trustFile(certificate, [certificate]);
    onTestFinished(remove);
    const tlsTarget = { url: running.target.url.replace(/^ws:/, "wss:"), trust };
    const observations = await Promise.all(
      (["ws", "node-http", "curl"] as const).map((name) => getClient(name).probe(tlsTarget, { watchdogMs })),
    );
    expect(observations.map((o) => [o.client, o.code, o.message])).toEqual([
      ["ws", "OK", "echo: connlab"],
      ["node-http", "OK", "200 OK"],
      ["curl", "OK", "HTTP/1.1 101 Switching Protocols"],
    ]);
  });
});
