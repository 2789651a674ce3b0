import type { Setup } from "../setup.ts";
import { serveBehindDns } from "./dns-answer.ts";

/** The fix: DNS answers `app.connlab.test A 127.0.0.1`, where the server listens. */
export const dnsRightAnswer: Setup = {
  name: "dns-right-answer",
  tier: "lab",
  describe: "DNS says app.connlab.test is 127.0.0.1, where the server listens",
  start: () => serveBehindDns("127.0.0.1"),
};
