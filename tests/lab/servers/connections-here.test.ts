import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { getScenario } from "@connlab/scenarios";
import { afterEach, describe, expect, it } from "vitest";
import { prepare } from "../../../docker/src/prepare.ts";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A loopback TCP server that counts the connections open to it and those it ever accepted. */
async function counting(): Promise<{ port: number; open: () => number; accepted: () => number }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  stops.push(async () => {
    // Whatever is still open when the test ends goes with the server.
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return { port: address.port, open: () => sockets.size, accepted: () => accepted };
}

async function settled(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

// The docker client containers prepare with the root lab's loop (servers/src/bin/connections.ts);
// here on loopback, where the range is wide: every connection it tries is made.
describe("a docker client container's preparation, with the root lab's connections loop", () => {
  it("hold: keeps twice the scenario's range open until released, then closes them", async () => {
    const peer = await counting();
    const scenario = getScenario("addrnotavail-ephemeral-ports");
    const size = Number(scenario.fault.params.size);
    const release = await prepare("hold", { url: `http://127.0.0.1:${peer.port}/` }, scenario);
    await settled(() => peer.open() === size * 2);
    expect(peer.open()).toBe(size * 2);
    await release();
    await settled(() => peer.open() === 0);
    expect(peer.open()).toBe(0);
  });

  it("time-wait: makes twice the scenario's range of short connections and leaves none open", async () => {
    // Here the range is this machine's wide one: no EADDRNOTAVAIL ends the loop, its count does.
    const peer = await counting();
    const scenario = getScenario("addrnotavail-time-wait");
    await prepare("time-wait", { url: `http://127.0.0.1:${peer.port}/` }, scenario);
    await settled(() => peer.open() === 0);
    expect(peer.accepted()).toBe(Number(scenario.fault.params.size) * 2);
    expect(peer.open()).toBe(0);
  });
});
