import { type LookupFunction, Socket } from "node:net";

/** How one bounded TCP connect ended: the open socket, or the OS code and message. */
export type Connected =
  | { readonly ok: true; readonly socket: Socket; readonly elapsedMs: number }
  | { readonly ok: false; readonly code: string; readonly message: string; readonly elapsedMs: number };

/**
 * One TCP handshake, bounded by `timeoutMs` (alone, the kernel retries SYNs for about two
 * minutes), first address only. The caller owns the socket it gets: closes it, holds it, or
 * closes first to leave its port in TIME_WAIT. The one connect loop body of the lab's load
 * generators and the doctor.
 */
export function connectBounded(options: {
  readonly host: string;
  readonly port: number;
  readonly timeoutMs: number;
  readonly lookup?: LookupFunction;
}): Promise<Connected> {
  const start = performance.now();
  const elapsedMs = () => Math.round(performance.now() - start);
  return new Promise((resolve) => {
    const socket = new Socket();
    const timer = setTimeout(() => {
      socket.destroy();
      const message = `connect ETIMEDOUT ${options.host}:${options.port}`;
      resolve({ ok: false, code: "ETIMEDOUT", message, elapsedMs: elapsedMs() });
    }, options.timeoutMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve({ ok: true, socket, elapsedMs: elapsedMs() });
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, code: error.code ?? "ERROR", message: error.message, elapsedMs: elapsedMs() });
    });
    const lookup = options.lookup ? { lookup: options.lookup } : {};
    socket.connect({ host: options.host, port: options.port, autoSelectFamily: false, ...lookup });
  });
}
