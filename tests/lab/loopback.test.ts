import { createServer, type Server, Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

// The rootless lab relies on the whole 127.0.0.0/8 range being local: a server bound to one
// loopback address is a different host, as far as the client can tell, from 127.0.0.2.
describe("loopback range", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  function connect(host: string, port: number): Promise<string> {
    return new Promise((resolve) => {
      const socket = new Socket();
      socket.setTimeout(2_000, () => {
        socket.destroy();
        resolve("ETIMEDOUT");
      });
      socket.once("connect", () => {
        socket.destroy();
        resolve("connected");
      });
      socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      socket.connect({ host, port });
    });
  }

  it("reaches a listener on 127.0.0.1 and is refused on 127.0.0.2 at the same port", async () => {
    server = createServer((s) => s.end());
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    expect(await connect("127.0.0.1", address.port)).toBe("connected");
    expect(await connect("127.0.0.2", address.port)).toBe("ECONNREFUSED");
  });
});
