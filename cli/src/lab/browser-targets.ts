import type { IncomingMessage, ServerResponse } from "node:http";
import type { Scenario } from "@connlab/scenarios";
import type { Target } from "@connlab/servers";
import { isLabProcess, type LabEntry, readState } from "./state.ts";

/** Where `connlab start` answers with the running lab's browser targets, beside the guide. */
export const labTargetsPath = "/_connlab/lab.json";

/**
 * A scenario whose page offers "Try it in this browser": Chromium is one of its clients, and the
 * rule is not one only a browser applies to a page of the lab's own (mixed content needs an
 * HTTPS page; the guide's is not one).
 */
export function triedInBrowser(scenario: Scenario): boolean {
  return scenario.expect.some((e) => e.client === "chromium") && scenario.browserOnly === undefined;
}

/**
 * The URL a reader's browser can open as is: no proxy variables, lab resolver or namespace to
 * stand in for, and for the fixed side no wss:// (the lab's certificate is its own, which a
 * reader's browser rightly refuses). Nor a target that needs a page of the lab's own: the panel
 * opens the socket from the guide's page (with the target's subprotocols, if it asks any).
 */
export function browserUrl(target: Target, side: "broken" | "fixed"): string | undefined {
  if (target.env || target.resolver || target.netns || target.page) return undefined;
  // A Socket.IO app is met with its own client in its own page, not the panel's plain WebSocket.
  if (target.socketIo) return undefined;
  if (side === "fixed" && target.url.startsWith("wss:")) return undefined;
  if (!/^(wss?|https?):/.test(target.url)) return undefined;
  // The page's WebSocket dials an http:// target as ws://, as the recorded Chromium row does: the
  // panel then meets the same failure and prints the same console line.
  return target.url.replace(/^http/, "ws");
}

export interface LabTargets {
  readonly lab: boolean;
  readonly targets: Readonly<Record<string, NonNullable<LabEntry["browser"]>>>;
}

/** What a running `lab up` recorded, reduced to the targets a page may open; no lab: none. */
export function labTargets(): LabTargets {
  const state = readState();
  if (!state || !isLabProcess(state.pid)) return { lab: false, targets: {} };
  const targets: Record<string, NonNullable<LabEntry["browser"]>> = {};
  for (const entry of state.scenarios) {
    if (entry.browser) targets[entry.id] = entry.browser;
  }
  return { lab: true, targets };
}

export function labTargetsRoute(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(labTargets()));
}
