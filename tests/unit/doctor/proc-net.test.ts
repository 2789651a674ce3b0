import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandNames, socketOwners } from "@connlab/servers/descriptors";
import { afterEach, describe, expect, it } from "vitest";
import { analyseListeners, onLocalSubnet, withOwners } from "../../../probes/src/doctor/listeners.ts";
import { measurePressure, parsePortRange } from "../../../probes/src/doctor/pressure.ts";
import { parseProcNetTcp } from "../../../probes/src/doctor/proc-net.ts";

// Lines as the kernel writes them (trailing columns shortened): each address word little-endian.
const tcp = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1137 1
   1: 00000000:0016 00000000:0000 0A 00000000:00000200 00:00000000 00000000     0        0 1138 1
   2: 0100007F:972D 0100007F:1F90 06 00000000:00000000 03:000014C3 00000000     0        0 0 3
   3: 0100007F:972E 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 1200 1
   4: 0100007F:972F 0100007F:1F90 06 00000000:00000000 03:000014C3 00000000     0        0 0 3
`;
const tcp6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2000 1
   1: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2001 1
   2: 0000000000000000FFFF00000100007F:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2002 1
   3: B80D0120000000000000000001000000:01BB 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 2003 1
`;

describe("parseProcNetTcp", () => {
  it("decodes IPv4 addresses, ports, states and a listener's accept queue", () => {
    expect(parseProcNetTcp(tcp).slice(0, 3)).toEqual([
      {
        localAddress: "127.0.0.1",
        localPort: 8080,
        remoteAddress: "0.0.0.0",
        remotePort: 0,
        state: "LISTEN",
        queued: 0,
        inode: 1137,
      },
      // rx_queue 0x200: 512 connections the kernel completed, waiting for accept().
      {
        localAddress: "0.0.0.0",
        localPort: 22,
        remoteAddress: "0.0.0.0",
        remotePort: 0,
        state: "LISTEN",
        queued: 512,
        inode: 1138,
      },
      {
        localAddress: "127.0.0.1",
        localPort: 38701,
        remoteAddress: "127.0.0.1",
        remotePort: 8080,
        state: "TIME_WAIT",
        queued: 0,
        inode: 0,
      },
    ]);
  });

  it("decodes IPv6 addresses in RFC 5952 form, IPv4-mapped ones as IPv4", () => {
    expect(parseProcNetTcp(tcp6).map((s) => `${s.localAddress} ${s.localPort}`)).toEqual([
      "::1 3000",
      ":: 80",
      "127.0.0.1 8081",
      "2001:db8::1 443",
    ]);
  });

  it("skips the header, blank and malformed lines", () => {
    expect(parseProcNetTcp("header\n\n   0: zz:zz 00:00 0A\n")).toEqual([]);
  });
});

const sockets = { v4: parseProcNetTcp(tcp), v6: parseProcNetTcp(tcp6) };

describe("analyseListeners", () => {
  it("says a server on 127.0.0.1 only does not take 127.0.0.2", () => {
    expect(analyseListeners(sockets, "127.0.0.2", 8080)).toMatchObject({
      listening: ["127.0.0.1"],
      accepts: false,
      summary: {
        en: "listening on 127.0.0.1 only port 8080, you connected to 127.0.0.2",
        es: "escucha solo en 127.0.0.1 puerto 8080, y te conectaste a 127.0.0.2",
      },
    });
  });

  it("says an IPv4-only server does not take ::1", () => {
    expect(analyseListeners(sockets, "::1", 8080).summary.en).toBe(
      "listening on IPv4 only (127.0.0.1) port 8080, you connected to [::1]",
    );
  });

  it("lets 0.0.0.0 take any IPv4 address and :: take both families unless bindv6only", () => {
    expect(analyseListeners(sockets, "10.1.2.3", 22).accepts).toBe(true);
    expect(analyseListeners(sockets, "::1", 22).accepts).toBe(false);
    expect(analyseListeners(sockets, "127.0.0.1", 80).accepts).toBe(true);
    expect(analyseListeners(sockets, "127.0.0.1", 80, true).accepts).toBe(false);
    expect(analyseListeners(sockets, "::1", 3000).accepts).toBe(true);
  });

  it("counts the connections waiting for accept() on the port's listeners, and says so", () => {
    expect(analyseListeners(sockets, "10.1.2.3", 22)).toMatchObject({
      waiting: 512,
      summary: {
        en: "listening on 0.0.0.0 port 22, which accepts 10.1.2.3; 512 connections wait there for the process to accept them",
      },
    });
    expect(analyseListeners(sockets, "127.0.0.1", 8080).waiting).toBe(0);
  });

  it("names nothing listening and the other ports of that address", () => {
    expect(analyseListeners(sockets, "127.0.0.1", 9999)).toMatchObject({
      listening: [],
      accepts: false,
      summary: {
        en: "nothing on this machine listens on port 9999",
        es: "nada en esta máquina escucha en el puerto 9999",
      },
      otherPorts: [22, 80, 8080, 8081],
    });
  });
});

describe("port pressure", () => {
  it("reads ip_local_port_range", () => {
    expect(parsePortRange("32768\t60999\n")).toEqual({ low: 32768, high: 60999, size: 28232 });
    expect(parsePortRange("garbage")).toBeUndefined();
    expect(parsePortRange("5 4")).toBeUndefined();
  });

  it("counts TIME_WAIT and ESTABLISHED toward the target only", () => {
    const all = [...sockets.v4, ...sockets.v6];
    expect(measurePressure(all, { low: 40000, high: 40003, size: 4 }, ["127.0.0.1"], 8080)).toEqual({
      range: { low: 40000, high: 40003, size: 4 },
      timeWait: 2,
      established: 1,
      usedShare: 0.75,
    });
    expect(measurePressure(all, undefined, ["127.0.0.2"], 8080)).toEqual({
      timeWait: 0,
      established: 0,
      usedShare: 0,
    });
  });
});

describe("onLocalSubnet", () => {
  const interfaces = {
    eth0: [
      {
        address: "192.168.1.20",
        netmask: "255.255.255.0",
        family: "IPv4",
        mac: "",
        internal: false,
        cidr: "192.168.1.20/24",
      },
    ],
    lo: [
      {
        address: "127.0.0.1",
        netmask: "255.0.0.0",
        family: "IPv4",
        mac: "",
        internal: true,
        cidr: "127.0.0.1/8",
      },
    ],
  } as const;
  it("matches addresses inside a non-loopback interface's subnet only", () => {
    expect(onLocalSubnet("192.168.1.77", interfaces as never)).toBe(true);
    expect(onLocalSubnet("192.168.2.77", interfaces as never)).toBe(false);
    expect(onLocalSubnet("127.0.0.9", interfaces as never)).toBe(false);
    expect(onLocalSubnet("fd00::1", interfaces as never)).toBe(false);
  });
});

describe("socketOwners and commandNames", () => {
  let root = "";
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A /proc of two processes: each fd a link to what it holds, as the kernel shows them. */
  function fakeProc(processes: Record<string, { comm: string; fds: string[] }>): string {
    root = mkdtempSync(join(tmpdir(), "connlab-proc-"));
    for (const [pid, { comm, fds }] of Object.entries(processes)) {
      mkdirSync(join(root, pid, "fd"), { recursive: true });
      writeFileSync(join(root, pid, "comm"), `${comm}\n`);
      for (const [i, target] of fds.entries()) symlinkSync(target, join(root, pid, "fd", String(i)));
    }
    return root;
  }

  it("names the processes whose fds hold the listening sockets' inodes", async () => {
    const proc = fakeProc({
      "41": { comm: "docker-proxy", fds: ["/dev/null", "socket:[1137]"] },
      "42": { comm: "node", fds: ["socket:[2000]"] },
    });
    const names = async (inodes: number[]) => commandNames((await socketOwners(inodes, proc)).values(), proc);
    expect(await socketOwners([1137, 2000], proc)).toEqual(
      new Map([
        [1137, 41],
        [2000, 42],
      ]),
    );
    expect(await names([1137])).toEqual(["docker-proxy"]);
    expect(await names([1137, 2000])).toEqual(["docker-proxy", "node"]);
    expect(await names([0, 9999])).toEqual([]);
  });

  it("names docker-proxy in the listeners' summary, and no other owner (the app itself)", () => {
    const found = analyseListeners({ v4: parseProcNetTcp(tcp), v6: [] }, "127.0.0.1", 8080);
    expect(withOwners(found, ["docker-proxy"]).summary.en).toBe(
      "listening on 127.0.0.1 port 8080, which accepts 127.0.0.1 (docker-proxy)",
    );
    expect(withOwners(found, ["node"])).toEqual({ ...found, owners: ["node"] });
    expect(withOwners(found, [])).toBe(found);
  });
});
