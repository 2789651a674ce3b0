import { getScenario, type Lang, langOf } from "./catalogue.ts";

/** The page being rendered: its language and, on a scenario page, its scenario. */
export function pageContext(locals: App.Locals) {
  const route = locals.starlightRoute;
  const lang: Lang = langOf(route.lang);
  const id = route.entry.data.scenario;
  return { lang, scenario: id ? getScenario(id) : undefined };
}

export function requireScenario(locals: App.Locals) {
  const { lang, scenario } = pageContext(locals);
  if (!scenario)
    throw new Error(`${locals.starlightRoute.id}: this component needs a "scenario" in the frontmatter`);
  return { lang, scenario };
}
