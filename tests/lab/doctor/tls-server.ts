import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Listening } from "@connlab/servers";

const run = promisify(execFile);

/**
 * A throwaway HTTPS server on 127.0.0.1 with a self-signed certificate made by Debian's openssl
 * for this run only: TLS on the wire, "hello" once the handshake is done.
 */
export async function startTls(): Promise<Listening> {
  const dir = await mkdtemp(join(tmpdir(), "connlab-doctor-tls-"));
  try {
    await run(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
      ].concat(["-subj", "/CN=localhost", "-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")]),
      { timeout: 10_000 },
    );
    const [key, cert] = await Promise.all([readFile(join(dir, "key.pem")), readFile(join(dir, "cert.pem"))]);
    const server = createServer({ key, cert }, (_request, response) => response.end("hello\n"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("no TCP port");
    return {
      host: "127.0.0.1",
      port: address.port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
