/**
 * The firewalls of the catalogue as nftables rulesets (nft's own `-f` syntax): the root lab loads
 * them into its namespaces (netns/nft.ts), the compose stack into its containers
 * (docker/src/services.ts), so a fault is the same rule wherever it is reproduced. Text only:
 * nothing here touches a machine.
 */

/** What a rule does with a TCP SYN: `drop` (silence: the client times out), a reject (refused at once), `accept`. */
export type Verdict = "drop" | "accept" | "reject with tcp reset" | "reject";

/** A table with one base chain on `hook` (filter priority, policy accept) holding one rule. */
export function oneRuleTable(
  table: string,
  hook: "prerouting" | "input" | "forward" | "output",
  rule: string,
): string {
  return `table inet ${table} {
  chain ${hook} {
    type filter hook ${hook} priority 0; policy accept;
    ${rule}
  }
}
`;
}

/**
 * A table with one input hook that treats TCP to `port` with `verdict`. `drop` discards the SYN
 * silently (the client waits: timeout); `reject with tcp reset` answers RST (refused at once);
 * `accept` lets it through. Priority 0 = filter.
 */
export function portRuleTable(
  table: string,
  hook: "input" | "forward",
  port: number,
  verdict: Verdict,
): string {
  return oneRuleTable(table, hook, `tcp dport ${port} ${verdict}`);
}

export interface FirewallTable {
  readonly name: string;
  readonly verdict: Verdict;
}

/** A server's own firewall: one input table per entry, each giving TCP to `port` its verdict. */
export function firewallRuleset(tables: readonly FirewallTable[], port: number): string {
  return tables.map((table) => portRuleTable(table.name, "input", port, table.verdict)).join("");
}

/** The server firewall of the firewall-* scenarios: one table, `connlab_firewall`. */
export const firewallTable = (verdict: Verdict): readonly FirewallTable[] => [
  { name: "connlab_firewall", verdict },
];

/**
 * Two firewalls on one server, like an OS firewall plus a hosting panel's own (Baota/aaPanel):
 * two tables, each with its own input hook. A packet must be accepted by every table; one `drop`
 * anywhere is final, so opening the port in the OS firewall alone is not enough.
 */
export const panelFirewall = {
  broken: [
    { name: "connlab_firewall", verdict: "accept" },
    { name: "connlab_panel", verdict: "drop" },
  ],
  fixed: [
    { name: "connlab_firewall", verdict: "accept" },
    { name: "connlab_panel", verdict: "accept" },
  ],
} as const satisfies Record<string, readonly FirewallTable[]>;

/**
 * A cloud security group on an edge router: default deny for new inbound connections, SSH
 * allowed, and the app's port only when opened. A denied SYN is dropped at the edge: the server
 * never sees it.
 */
export function securityGroup(port: number, open: boolean): string {
  return `table inet connlab_security_group {
  chain forward {
    type filter hook forward priority 0; policy drop;
    ct state established,related accept
    ip daddr 198.18.1.0/24 accept
    tcp dport 22 accept
${open ? `    tcp dport ${port} accept\n` : ""}  }
}
`;
}

/**
 * The same silence where no router stands in front of the host (a container in the compose
 * stack): SYNs to `port` dropped at the ingress of its interface, before its own stack sees them.
 */
export function ingressDrop(device: string, port: number): string {
  return `table netdev connlab_security_group {
  chain edge {
    type filter hook ingress device ${device} priority 0; policy accept;
    tcp dport ${port} drop
  }
}
`;
}

/** A machine that drops every TCP SYN: whatever port a client tries, it times out. */
export const dropEverySyn = oneRuleTable("connlab_silent", "input", "tcp flags syn drop");

/**
 * The same ruleset on one line, as `nft '<ruleset>'` takes it: the compose file keeps one line
 * per service, and a reader can paste it into a shell.
 */
export function asOneLine(ruleset: string): string {
  return ruleset
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => (line.endsWith("{") || line.endsWith(";") ? line : `${line};`))
    .join(" ");
}
