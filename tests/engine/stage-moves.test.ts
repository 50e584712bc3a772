/**
 * Stage moves for real: `up` one stage, change `runway:stage`, then the engine's preview step for every URN must be
 * the action `npm run plan -- --from <stage> --stage <stage>` predicts, and the `up` that follows must not delete
 * or replace any stateful resource (the stand-in provider's call log shows what the engine asked of the cloud).
 */
import * as assert from "assert";
import { isStateful } from "../../transition/catalog";
import { copyRunway, engineReady, isEngineOwned, planJson, type EngineProject, type EngineStep } from "./engine";

interface TransitionRow {
    urn: string;
    type: string;
    action: string;
    stateful: boolean;
}

/** The engine's step per URN in the transition's words (keep, update, alias, replace, create, delete). */
function engineActions(steps: EngineStep[]): Map<string, string> {
    const actions = new Map<string, string>();
    for (const step of steps) {
        // The plan lists the program's own resources, explicit providers included.
        // A replace is three steps; `delete-replaced` carries the old URN when the resource also moved (aliases).
        if (isEngineOwned(step) || step.op === "delete-replaced") continue;
        if (actions.get(step.urn) !== "replace") actions.set(step.urn, transitionAction(step));
    }
    return actions;
}

function transitionAction(step: EngineStep): string {
    if (step.op === "replace" || step.op === "create-replacement") return "replace";
    if (step.op === "same" || step.op === "update") return step.oldUrn !== undefined ? "alias" : step.op === "same" ? "keep" : "update";
    return step.op;
}

function planActions(rows: TransitionRow[]): Map<string, string> {
    return new Map(rows.map((row) => [row.urn, row.action]));
}

function lines(actions: Map<string, string>): string[] {
    return [...actions.entries()].map(([urn, action]) => `${action} ${urn}`).sort();
}

/** Moves the stack: sets config, previews (compared with the plan), then runs up and checks the cloud calls. */
async function move(project: EngineProject, stack: string, config: Record<string, string>, planArgs: string[], unprotectDeleted = false): Promise<void> {
    project.setConfig(stack, config);
    const { doc } = await planJson(planArgs);
    const transition = (doc as unknown as { transition: { resources: TransitionRow[] } }).transition;
    if (unprotectDeleted) {
        // docs/growth.md, a move down: unprotect, one by one, each resource the plan lists as deleted.
        for (const row of transition.resources.filter((r) => r.action === "delete")) {
            project.must(["state", "unprotect", row.urn, "--stack", stack, "--yes", "--non-interactive"]);
        }
    }
    const preview = project.operation("preview", stack, [], 0);
    assert.deepStrictEqual(lines(engineActions(preview.steps)), lines(planActions(transition.resources)));

    const before = project.calls().length;
    project.operation("up", stack, [], 0);
    const calls = project.calls().slice(before);
    const lost = calls.filter((call) => call.method === "Delete" && call.type !== undefined && isStateful(call.type));
    assert.deepStrictEqual(lost.map((call) => call.urn), [], "no stateful resource is deleted in the cloud on the move");
    const replaced = calls.filter((call) => call.method === "Diff" && (call.replaces ?? []).length > 0 && call.type !== undefined && isStateful(call.type));
    assert.deepStrictEqual(replaced.map((call) => call.urn), [], "no stateful resource is replaced on the move");
}

describe("engine: stage moves equal the plan's transition", function () {
    before(engineReady);

    it("dev: zero → hero", async () => {
        const project = copyRunway();
        project.initStack("dev", { "runway:stage": "zero" });
        project.operation("up", "dev", [], 0);
        await move(project, "dev", { "runway:stage": "hero" }, ["--stack", "dev", "--from", "zero", "--stage", "hero"]);
    });

    it("prod: hero → enterprise as docs/growth.md says (RDS kept, Aurora from the snapshot), then enterprise → hero", async () => {
        const project = copyRunway();
        project.initStack("prod", { "runway:stage": "hero" });
        project.operation("up", "prod", [], 0);
        const up: Record<string, string> = {
            "runway:retainHeroDatabase": "true",
            "runway:dbSnapshotIdentifier": "runway-hero-to-enterprise",
            "runway:stage": "enterprise",
            "runway:cacheNodes": "auto",
            "runway:protect": "true",
        };
        const asPlanConfig = (config: Record<string, string>, flag: string): string[] => Object.entries(config).flatMap(([key, value]) => [flag, `${key}=${value}`]);
        const { "runway:stage": _target, ...upKeys } = up;
        await move(project, "prod", up, ["--stack", "prod", "--from", "hero", "--stage", "enterprise", ...asPlanConfig(upKeys, "--config")]);
        await move(
            project,
            "prod",
            { "runway:stage": "hero" },
            ["--stack", "prod", "--from", "enterprise", "--stage", "hero", ...asPlanConfig(upKeys, "--config"), ...asPlanConfig(upKeys, "--from-config")],
            true,
        );
    });
});
