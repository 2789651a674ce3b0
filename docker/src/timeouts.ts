import { watchdogMs } from "@connlab/probes";

/**
 * How long the probe waits for a client container's answer: its run has observe()'s watchdog,
 * plus the preparation before it (holding a port range, filling TIME_WAIT) and the fixed run.
 */
export const agentTimeoutMs = watchdogMs + 30_000;
/** How long the probe waits for the stack's services to listen (container start-up, Node's too). */
export const readyDeadlineMs = 120_000;
