import { type Said, said } from "./said.ts";
import type { DoctorTarget } from "./target.ts";

/**
 * What a Socket.IO session came to (`--socketio`): an Engine.IO handshake over long-polling, then
 * a poll with the sid it handed out, as Socket.IO's own client sends right after. Behind a load
 * balancer without sticky sessions the poll reaches another server, which refuses it.
 */
export interface SocketIoSession {
  /**
   * `refused`: a handshake succeeded and a poll with its sid got 400 "Session ID unknown";
   * `kept`: every poll was answered or held by the server that knows the session;
   * `no-handshake`: no Engine.IO handshake answered at /socket.io/ (not a Socket.IO server there).
   */
  readonly outcome: "refused" | "kept" | "no-handshake";
  /** Handshakes tried (a balancer can send a poll to the right server by chance). */
  readonly attempts: number;
  readonly detail: Said;
}

/** A few sessions: with two servers and round-robin the first already fails; more rule out chance. */
const maxAttempts = 3;

/** `0{"sid":"…",…}`: Engine.IO v4's open packet (the protocol's type 0). */
function sidOf(body: string): string | undefined {
  if (!body.startsWith("0")) return undefined;
  try {
    const open = JSON.parse(body.slice(1)) as { sid?: unknown };
    return typeof open.sid === "string" ? open.sid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens up to `maxAttempts` sessions at the target's origin (`/socket.io/`, Socket.IO's default
 * path) and polls each once. A held poll (long-polling waits up to the ping interval, 25 s by
 * default) counts as kept once `timeoutMs` passes: only the server that knows the session holds it.
 */
export async function checkSocketIo(target: DoctorTarget, timeoutMs: number): Promise<SocketIoSession> {
  const scheme = target.scheme === "https" || target.scheme === "wss" ? "https" : "http";
  const host = target.host.includes(":") ? `[${target.host}]` : target.host;
  const polling = `${scheme}://${host}:${target.port}/socket.io/?EIO=4&transport=polling`;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const handshake = await fetch(polling, { signal: AbortSignal.timeout(timeoutMs) }).catch(() => undefined);
    const sid = handshake?.ok ? sidOf(await handshake.text()) : undefined;
    if (!sid) {
      return {
        outcome: "no-handshake",
        attempts: attempt,
        detail: said(
          `no Engine.IO handshake at /socket.io/ (${handshake ? `HTTP ${handshake.status}` : "no answer"})`,
          `ningún handshake de Engine.IO en /socket.io/ (${handshake ? `HTTP ${handshake.status}` : "sin respuesta"})`,
        ),
      };
    }
    const poll = await fetch(`${polling}&sid=${encodeURIComponent(sid)}`, {
      signal: AbortSignal.timeout(timeoutMs),
    }).catch(() => undefined);
    const body = poll ? await poll.text().catch(() => "") : "";
    if (poll?.status === 400 && body.includes("Session ID unknown")) {
      return {
        outcome: "refused",
        attempts: attempt,
        detail: said(
          `handshake 200 (sid ${sid}), then the poll with that sid: 400 ${body.trim()}`,
          `handshake 200 (sid ${sid}), y luego la consulta con ese sid: 400 ${body.trim()}`,
        ),
      };
    }
  }
  return {
    outcome: "kept",
    attempts: maxAttempts,
    detail: said(
      `${maxAttempts} sessions, each poll answered or held by the server that opened it`,
      `${maxAttempts} sesiones, cada consulta respondida o retenida por el servidor que la abrió`,
    ),
  };
}
