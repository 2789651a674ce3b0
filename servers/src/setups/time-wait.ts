import { setTimeout as sleep } from "node:timers/promises";
import { smallPortRange } from "@connlab/scenarios";
import { type Lab, startLab } from "../netns/index.ts";
import type { Setup } from "../setup.ts";
import { clientWithRange, load, size } from "./port-range.ts";

/**
 * Short connections from a client whose range holds `size` ports: each is closed by the client
 * first, so its local port stays in TIME_WAIT (60 s on Linux). With tcp_tw_reuse=0 (and with the
 * default 2, which only helps loopback), connect() may not reuse a TIME_WAIT port for the same
 * server ip:port, so after `size` connections it fails with EADDRNOTAVAIL.
 */
export const timeWaitPressure: Setup = {
  name: "time-wait-pressure",
  tier: "lab-root",
  describe: "SIZE short connections leave every client port in TIME_WAIT (tcp_tw_reuse=0): EADDRNOTAVAIL",
  start: (params) =>
    startLab(async (lab: Lab) => {
      const ports = size(params);
      // `twReuse: 2` shows that the kernel's default does not help once traffic leaves loopback.
      const twReuse = params.twReuse === 2 ? "2" : "0";
      const { client, port, target, hosts } = await clientWithRange(
        lab,
        smallPortRange(ports),
        { "net.ipv4.tcp_tw_reuse": twReuse },
        params,
      );
      // `churn: false` leaves the ports free for someone else's burst (the workshop's attendee).
      if (params.churn === false) return { target, hosts, facts: { rangeSize: ports, twReuse } };
      const churn = await load(lab, client, port, "churn", ports * 2);
      return {
        target,
        hosts,
        facts: { rangeSize: ports, twReuse, closed: churn.done, churnError: churn.error },
      };
    }),
};

/**
 * The fix, honestly: tcp_tw_reuse=1 lets connect() take over a TIME_WAIT port, but only one
 * older than net.ipv4.tcp_tw_reuse_delay (1 s by default; TCP timestamps protect the new
 * connection from the old one's segments). The same burst still runs out within that second;
 * a moment later, every port is usable again. So the range sustains about `size` new
 * connections per second per server instead of `size` per minute.
 */
export const twReuseOn: Setup = {
  name: "tw-reuse-on",
  tier: "lab-root",
  describe: "tcp_tw_reuse=1: TIME_WAIT ports older than 1 s are reused, clients connect",
  start: (params) =>
    startLab(async (lab: Lab) => {
      const ports = size(params);
      const { client, port, target } = await clientWithRange(lab, smallPortRange(ports), {
        "net.ipv4.tcp_tw_reuse": "1",
      });
      const churn = await load(lab, client, port, "churn", ports * 2);
      const waitedMs = 1_100;
      await sleep(waitedMs);
      return { target, facts: { rangeSize: ports, closed: churn.done, churnError: churn.error, waitedMs } };
    }),
};
