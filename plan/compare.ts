/** `--compare`: the same stack at every stage, side by side — the price of growing, up front. */
import { STAGES, type Stage } from "../config/defaults";
import { BadInput } from "./errors";
import { stacksAtStage } from "./runway-config";
import type { PlanDocument } from "./document";
import { topCostLines } from "./formats/common";
import { atStage, planTarget, type PlanSettings } from "./stage-plan";
import type { PlanTarget } from "./target";

/** How many cost lines each stage shows. */
export const TOP_COST_LINES = 3;

export interface StageSummary {
    stage: Stage;
    /** Where the stage's settings came from: a stack file, the target's stack at this stage, or the stage's defaults. */
    settings: string;
    resources: number;
    mandatoryViolations: number;
    advisoryViolations: number;
    notEvaluated: number;
    monthlyUsd: number;
    /** Resources the cost model could not price (the monthly cost leaves them out). */
    unpricedResources: number;
    topCostLines: { urn: string; type: string; monthlyUsd: number; basis: string }[];
    blocked: boolean;
}

export interface Comparison {
    stack: string;
    program: string;
    stages: StageSummary[];
}

function summarize(stage: Stage, doc: PlanDocument, settings: string): StageSummary {
    return {
        stage,
        settings,
        resources: doc.resources.length,
        mandatoryViolations: doc.violations.filter((v) => v.level === "mandatory").length,
        advisoryViolations: doc.violations.filter((v) => v.level !== "mandatory").length,
        notEvaluated: doc.notEvaluated.length,
        monthlyUsd: doc.cost.monthlyUsd,
        unpricedResources: doc.cost.unpricedResources.length,
        topCostLines: topCostLines(doc, TOP_COST_LINES).map(({ urn, type, monthlyUsd, basis }) => ({ urn, type, monthlyUsd, basis })),
        blocked: doc.blocked,
    };
}

/** A stack with no stack file: Runway's program at a stage's own defaults. */
export const DEFAULTS_STACK = "compare";

/** The stack file (of Runway's project) whose `runway:stage` is `stage`, the target's own stack first. */
function stackForStage(target: PlanTarget, stage: Stage): string | undefined {
    const stacks = stacksAtStage(stage);
    return stacks.includes(target.stack) ? target.stack : stacks[0];
}

/**
 * Runway's program at `stage`: the stack file made for that stage (e.g. prod for enterprise), else the target's
 * stack with `runway:stage` overridden, else — when that stack's settings do not fit the stage — the stage's defaults.
 */
async function planOwnStage(target: PlanTarget, stage: Stage, settings: PlanSettings): Promise<StageSummary> {
    const stack = stackForStage(target, stage);
    if (stack !== undefined) {
        return summarize(stage, await planTarget({ ...target, stack, config: { ...target.config, "runway:stage": stage }, stage, profile: stage }, settings), `stack ${stack}`);
    }
    try {
        return summarize(stage, await planTarget(atStage(target, stage), settings), `stack ${target.stack} at ${stage}`);
    } catch (err) {
        if (!(err instanceof BadInput)) throw err;
        const defaults = { ...atStage(target, stage), stack: DEFAULTS_STACK, config: { ...target.config, "aws:region": target.region, "runway:stage": stage } };
        return summarize(stage, await planTarget(defaults, settings), "stage defaults");
    }
}

/** Plans the target at each stage, one after the other (the runtime runs one program at a time). */
export async function compareStages(target: PlanTarget, settings: PlanSettings): Promise<Comparison> {
    const stages: StageSummary[] = [];
    for (const stage of STAGES) {
        stages.push(target.own ? await planOwnStage(target, stage, settings) : summarize(stage, await planTarget(atStage(target, stage), settings), "profile"));
    }
    return { stack: target.stack, program: target.programLabel, stages };
}
