import { curlUpgradeHeaders } from "@connlab/probes";
import type { Target } from "@connlab/servers";

const shellSafe = /^[\w@%+=:,./-]+$/;
const quote = (word: string) => (shellSafe.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

/**
 * The curl command that shows a target's failure, as a reader would paste it: the proxy
 * variables curl reads (lower-case ones; it ignores HTTP_PROXY), and the lab's DNS-over-HTTPS
 * resolver when the scenario has one.
 */
export function tryItCommand(target: Target): string {
  if (target.socketIo) return socketIoPollCommand(target.url);
  const env = Object.entries(target.env ?? {})
    .filter(([key]) => key === key.toLowerCase())
    .map(([key, value]) => `${key}=${quote(value)}`);
  const resolver = target.resolver ? ["--doh-url", target.resolver.doh, "--doh-insecure"] : [];
  // curl resolves `localhost` itself to ::1 and 127.0.0.1 and falls back between them; -6 shows
  // what a client that tries only the first address (::1) gets.
  const family = new URL(target.url).hostname === "localhost" ? ["-6"] : [];
  // curl 7.88 speaks no ws://, but it can send the opening handshake (RFC 6455 §4.1) over
  // http:// and print the answer: a WebSocket server says 101, anything else is the failure.
  const upgrade = /^wss?:/.test(target.url) ? ["-i", ...curlUpgradeHeaders] : [];
  // A CA the scenario's clients trust (the root, when only the chain is broken), as curl takes it.
  const trust = target.trust ? ["--cacert", target.trust.file] : [];
  const url = target.url.replace(/^ws/, "http");
  // Where the failure comes only after a silence (a proxy's idle limit), curl keeps the upgraded
  // connection until the proxy closes it, and says so: it must outwait the silence, not 2 s.
  const maxSeconds = target.idleMs ? String(Math.ceil(target.idleMs / 1000) + 2) : "2";
  return [...env, "curl", "-sS", "-m", maxSeconds, ...family, ...upgrade, ...resolver, ...trust, url]
    .map((w, i) => (i < env.length ? w : quote(w)))
    .join(" ");
}

/**
 * A Socket.IO app's failure is no single request's: the Engine.IO handshake, then a poll with the
 * sid it handed out (the guide's "Check it yourself", in one line). Behind a balancer without
 * stickiness the poll reaches the other server: 400 {"code":1,"message":"Session ID unknown"}.
 */
function socketIoPollCommand(url: string): string {
  // The lab's URLs are loopback http:// ones: nothing in them needs more than these quotes.
  const polling = String(new URL("socket.io/?EIO=4&transport=polling", url));
  return `sid=$(curl -sS -m 2 '${polling}' | sed 's/.*"sid":"\\([^"]*\\)".*/\\1/'); curl -sS -m 2 -i "${polling}&sid=$sid"`;
}
