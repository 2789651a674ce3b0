/** Every client attempt in the stack gives up after this; the catalogue's own bound. */
export const timeoutMs = 2_000;
/** How long the probe waits for a client container's answer (it runs the same bounded attempts). */
export const agentTimeoutMs = 30_000;
/** How long the probe waits for the stack's services to listen (container start-up, Node's too). */
export const readyDeadlineMs = 120_000;
