import type { LookupFunction } from "node:net";
import { stopwatch } from "./bounded.ts";
import { type Said, said } from "./said.ts";
import { type DoctorTarget, hostPort } from "./target.ts";

/**
 * What became of a WebSocket the doctor opened and then kept silent (`--idle`): the lesson of
 * the "closed after connect" family is that a connection which worked can be cut later by
 * something on the path, and only time shows it.
 */
export interface IdleWatch {
  /** `open`: still open when the watch ended; `closed`: closed before; `failed`: never opened. */
  readonly outcome: "open" | "closed" | "failed";
  /** The close code; 1006 when no close frame came (RFC 6455 §7.4.1: it never travels). */
  readonly code?: number;
  readonly reason?: string;
  /** Whether the peer sent a close frame before the TCP connection ended. */
  readonly closeFrame?: boolean;
  /** Time from the end of the handshake to the close, or the whole watch. */
  readonly silentMs: number;
  /** Pings the server sent meanwhile (a heartbeat keeps idle limits at bay). */
  readonly pings: number;
  readonly detail: Said;
}

/** A lookup that answers the address the connect check reached, as net.connect asks for it. */
function fixedLookup(address: string): LookupFunction {
  const family = address.includes(":") ? 6 : 4;
  return (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * Opens a WebSocket to the address the connect check reached (the URL's own Host header, its
 * subprotocols), sends nothing for `idleMs` and reports whether and how it closed. The pongs ws
 * answers to the server's pings are the only bytes the doctor sends.
 */
export async function watchIdle(
  target: DoctorTarget,
  address: string,
  idleMs: number,
  protocols: readonly string[] = [],
): Promise<IdleWatch> {
  // Loaded here, not at the top: only `--idle` opens a WebSocket, and ws is a tenth of the
  // doctor's start-up.
  const { default: WebSocket } = await import("ws");
  const url = `${target.scheme}://${hostPort(target.host, target.port)}${target.path}`;
  return new Promise((resolve) => {
    let pings = 0;
    let opened: (() => number) | undefined;
    const socket = new WebSocket(url, [...protocols], { lookup: fixedLookup(address) });
    const finish = (watch: Omit<IdleWatch, "pings" | "silentMs">) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => {});
      socket.terminate();
      resolve({ ...watch, pings, silentMs: opened?.() ?? 0 });
    };
    const timer = setTimeout(() => {
      const seconds = idleMs / 1000;
      finish({
        outcome: opened ? "open" : "failed",
        detail: opened
          ? said(
              `still open after ${seconds} s of silence${pings > 0 ? ` (the server pinged ${pings} times)` : ""}`,
              `sigue abierta tras ${seconds} s de silencio${pings > 0 ? ` (el servidor hizo ping ${pings} veces)` : ""}`,
            )
          : said(`not open within ${seconds} s`, `no se abrió en ${seconds} s`),
      });
    }, idleMs);
    socket.on("ping", () => {
      pings += 1;
    });
    socket.once("open", () => {
      opened = stopwatch();
    });
    // ws: a close frame gives its code (1005 when it carried none); no frame at all is 1006.
    socket.on("close", (code, reason) => {
      const seconds = ((opened?.() ?? 0) / 1000).toFixed(1);
      const text = String(reason);
      const frame = code !== 1006;
      finish({
        outcome: opened ? "closed" : "failed",
        code,
        reason: text,
        closeFrame: frame,
        detail: frame
          ? said(
              `closed by the peer after ${seconds} s of silence, with a close frame: ${code}${text ? ` "${text}"` : ""}`,
              `cerrada por el otro extremo tras ${seconds} s de silencio, con trama de cierre: ${code}${text ? ` "${text}"` : ""}`,
            )
          : said(
              `closed after ${seconds} s of silence without a close frame (1006)`,
              `cerrada tras ${seconds} s de silencio sin trama de cierre (1006)`,
            ),
      });
    });
    socket.once("error", (error) => {
      if (!opened) finish({ outcome: "failed", detail: said(error.message, error.message) });
    });
  });
}
