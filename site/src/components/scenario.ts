// The parts of a scenario page that come from the catalogue and the observations; each .mdx
// imports them and holds only its own prose.
export { default as FixSummary } from "./FixSummary.astro";
export { default as Related } from "./Related.astro";
export { default as Reproduce } from "./Reproduce.astro";
export { default as Summary } from "./Summary.astro";
export { default as Symptom } from "./Symptom.astro";
