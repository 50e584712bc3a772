/**
 * Runway's stage-move engine: what `pulumi up` does to each resource when a stack moves between stages,
 * which stateful resources would lose data, and the recipe that keeps it. See `docs/growth.md`.
 *
 *   const t = computeTransition(heroRun, enterpriseRun);
 *   process.exitCode = t.blocked ? 1 : 0;
 *
 * It computes only: the plan's reports render a move (`plan/formats/transition.ts`).
 */
export { computeTransition } from "./compute";
export { isStateful, statefulTypes, recipeFor, typeInfo, RECIPE_TITLES } from "./catalog";
export type { Transition, TransitionAction, TransitionResource, TransitionOptions, MigrationPath, PropertyChange, Recipe } from "./types";
