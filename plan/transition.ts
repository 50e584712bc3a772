/**
 * The stage-move preview (`npm run plan -- --from <stage> --stage <stage>`, issue 12): what `pulumi up` would do
 * to every resource when the stack moves from one stage to another, computed by `transition/` from two runs of
 * the program under the mock runtime.
 *
 * - The target run (`--stage`, with `--config`) is the plan's own run: it is not run again.
 * - The from run is the stack as it is deployed now: `Pulumi.<stack>.yaml` with `runway:stage` = `--from`, plus
 *   `--from-config` overrides. `--config` does not reach it: `--config` is what the move changes.
 * - Only the from run is extra work: it is not judged or priced, only compared.
 */
import type { Stage } from "../config/defaults";
import type { DeclaredResource, ProgramRun } from "../harness";
import type { Transition, TransitionResource } from "../transition";
import type { PlanSource } from "./document";
import { BadInput } from "./errors";
import { relativePath } from "./paths";
import { runTarget } from "./run";
import type { PlanTarget } from "./target";

/** One resource of the move, with where the program declares it (the old declaration for a deleted one). */
export interface PlanTransitionResource extends TransitionResource {
    source: PlanSource | null;
}

/** The `transition` field of the JSON plan: `{ from, to, resources: [{ urn, type, action, stateful, reason, ... }], ... }`. */
export interface PlanTransition extends Omit<Transition, "resources"> {
    resources: PlanTransitionResource[];
    /** The config the from run used on top of the stack file (`--from-config`), for the record. */
    fromConfig: Record<string, string>;
}

/** The target as it is deployed now: the stack file at `from`, with `--from-config` instead of `--config`. */
export function fromTarget(target: PlanTarget, from: Stage, fromConfig: Record<string, string>): PlanTarget {
    return { ...target, config: { ...fromConfig, "runway:stage": from }, stage: from, profile: from };
}

function sourceOf(resource: DeclaredResource | undefined, root: string): PlanSource | null {
    return resource?.source ? { file: relativePath(root, resource.source.file), line: resource.source.line } : null;
}

/**
 * Runs the program at `from` and computes the move to the target's run; `blocked` is true when a stateful resource
 * would be deleted or replaced without a migration path (exit 1). Program failures are `BadInput` (exit 2).
 */
export async function previewMove(target: PlanTarget, toRun: ProgramRun, from: Stage, fromConfig: Record<string, string>, preview: boolean): Promise<PlanTransition> {
    let fromRun: ProgramRun;
    try {
        fromRun = await runTarget(fromTarget(target, from, fromConfig), preview);
    } catch (err) {
        if (err instanceof BadInput) {
            throw new BadInput(`the --from ${from} run (stack ${target.stack} at ${from}, --from-config for its settings): ${err.message}`);
        }
        throw err;
    }
    // Loaded only for --from: a plain plan never pays for the transition engine.
    const engine = await import("../transition");
    const moved = engine.computeTransition(fromRun, toRun, { from, to: target.stage });
    const declared = new Map<string, DeclaredResource>();
    for (const r of fromRun.resources) declared.set(r.urn, r);
    for (const r of toRun.resources) declared.set(r.urn, r);
    return {
        ...moved,
        resources: moved.resources.map((r) => ({ ...r, source: sourceOf(declared.get(r.urn), target.root) })),
        fromConfig,
    };
}

/** The rows a report flags: stateful resources that lose data (blocking) or are deleted/replaced with a migration path. */
export function destructiveRows(t: PlanTransition): { lost: PlanTransitionResource[]; migrated: PlanTransitionResource[] } {
    const destructive = t.resources.filter((r) => r.stateful && (r.action === "delete" || r.action === "replace"));
    return { lost: destructive.filter((r) => r.dataLoss === true), migrated: destructive.filter((r) => r.dataLoss !== true) };
}
