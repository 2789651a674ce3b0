/**
 * Blocks this process's event loop for good, as a server stuck in synchronous work: its sockets
 * stay open and the kernel keeps completing handshakes into their listen backlog, but nothing is
 * accepted and no callback runs again. SIGTERM still ends it when no handler was installed before
 * the call (the signal's default action applies); stdin closing no longer does.
 */
export function stallForever(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
