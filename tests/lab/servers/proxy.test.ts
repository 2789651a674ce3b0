import { connect, createServer, type Server } from "node:net";
import { startProxy } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";

/** A raw upstream that records the request head the proxy sends, and answers 426 like ws. */
async function recordingUpstream(): Promise<{ server: Server; port: number; head: Promise<string> }> {
  let received: (head: string) => void = () => {};
  const head = new Promise<string>((resolve) => {
    received = resolve;
  });
  const server = createServer((socket) => {
    // The proxy's side may be torn down first: a reset here is part of teardown, not a failure.
    socket.on("error", () => socket.destroy());
    let data = "";
    socket.on("data", (chunk) => {
      data += chunk.toString("latin1");
      if (!data.includes("\r\n\r\n")) return;
      received(data.split("\r\n\r\n")[0] ?? "");
      socket.end("HTTP/1.1 426 Upgrade Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { server, port: address.port, head };
}

/** A plain GET through the proxy, as fetch sends it. */
async function getThrough(port: number): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }).catch(
    () => undefined,
  );
  await response?.body?.cancel();
}

// What reaches the server behind the proxy: the Upgrade request head, stripped or forwarded.
describe("the reverse proxy", () => {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  async function headSeenUpstream(forwardUpgrade: boolean): Promise<string[]> {
    const upstream = await recordingUpstream();
    closers.push(() => upstream.server.close());
    const proxy = await startProxy({ host: "127.0.0.1", upstreamPort: upstream.port, forwardUpgrade });
    closers.push(() => proxy.close());
    // The opening handshake of a WebSocket client, byte for byte (RFC 6455 §1.2).
    const client = connect(proxy.port, "127.0.0.1");
    closers.push(() => client.destroy());
    client.on("error", () => {});
    client.write(
      "GET /chat HTTP/1.1\r\nHost: lab\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    );
    return (await upstream.head).split("\r\n").map((line) => line.toLowerCase());
  }

  it("strips Upgrade and Connection: the server sees a plain GET", async () => {
    const head = await headSeenUpstream(false);
    expect(head[0]).toBe("get /chat http/1.1");
    expect(head).toContain("sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==".toLowerCase());
    expect(head.filter((line) => /^(upgrade|connection):/.test(line))).toEqual(["connection: keep-alive"]);
  });

  it("forwards the upgrade head as the client sent it", async () => {
    const head = await headSeenUpstream(true);
    expect(head[0]).toBe("get /chat http/1.1");
    expect(head.filter((line) => /^(upgrade|connection):/.test(line))).toEqual([
      "connection: upgrade",
      "upgrade: websocket",
    ]);
  });

  it("relays plain requests", async () => {
    const upstream = await recordingUpstream();
    closers.push(() => upstream.server.close());
    const proxy = await startProxy({ host: "127.0.0.1", upstreamPort: upstream.port, forwardUpgrade: false });
    closers.push(() => proxy.close());
    await getThrough(proxy.port);
    expect((await upstream.head).split("\r\n")[0]).toBe("GET / HTTP/1.1");
  });
});
