import { reproduce } from "@connlab/probes";
import { scenarios } from "@connlab/scenarios";
import { describe, it } from "vitest";
import { clientsFor, expectAsDeclared } from "../../helpers/report.ts";

// Every protocol scenario end to end with the Node clients and curl, broken then fixed; the
// scenarios are independent (each setup listens on its own ports), so they run concurrently.
const protocolScenarios = scenarios.filter((scenario) => scenario.category === "protocol");

describe.concurrent.each(protocolScenarios.map((scenario) => [scenario.id, scenario] as const))(
  "%s",
  (_id, scenario) => {
    const clients = clientsFor(scenario, "lab");

    it(`${clients.join(", ")} print what the declaration says`, async () => {
      expectAsDeclared(await reproduce(scenario, { clients }), clients);
    });

    it(`${clients.join(", ")} connect and exchange a message once fixed`, async () => {
      expectAsDeclared(await reproduce(scenario, { clients, fixed: true }), clients);
    });
  },
);
