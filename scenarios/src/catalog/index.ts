// The catalogue: one file per category (the guide's chapters), each declaring its scenarios in
// the guide's order. A new scenario is one more declaration in its category's file; nothing
// else lists ids.

import type { Category } from "../vocabulary.ts";
import { addrnotavail } from "./addrnotavail.ts";
import { closed } from "./closed.ts";
import { policy } from "./policy.ts";
import { protocol } from "./protocol.ts";
import { refused } from "./refused.ts";
import { timeout } from "./timeout.ts";
import { tls } from "./tls.ts";

/** Each category's declarations; `satisfies` makes a category without its file a type error. */
export const chapters = {
  refused,
  timeout,
  addrnotavail,
  protocol,
  policy,
  tls,
  closed,
} as const satisfies Record<Category, readonly unknown[]>;

type Declaration = (typeof chapters)[Category][number];

/** Every id the catalogue declares, as a type: registries keyed by it name what a new one lacks. */
export type DeclaredId = Declaration["id"];

/** The declarations the lab (rootless or root) reproduces, by their `reproducibleIn`. */
type InTheLab<D> = D extends { readonly reproducibleIn: readonly (infer T)[] }
  ? [Extract<T, "lab" | "lab-root">] extends [never]
    ? never
    : D
  : never;

/** The declarations the docker stack reproduces, by their `reproducibleIn`. */
type InDocker<D> = D extends { readonly reproducibleIn: readonly (infer T)[] }
  ? "docker" extends T
    ? D
    : never
  : never;

/** Every id the docker stack reproduces: its wiring (docker/src/stack.ts) is keyed by them. */
export type DockerScenarioId = InDocker<Declaration>["id"];

/** Every setup the lab must have: the fault and the fix of each scenario it reproduces. */
export type LabSetupName =
  | InTheLab<Declaration>["fault"]["name"]
  | InTheLab<Declaration>["fix"]["apply"]["name"];
