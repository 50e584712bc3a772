/** Plans one target: run the program, judge it with the pack, price it, draw it. */
import type { Stage } from "../config/defaults";
import type { PackConfig, ProgramRun } from "../harness";
import { buildDocument } from "./build";
import { priceRun, type UsageChoice } from "./costing";
import type { PlanDocument } from "./document";
import { BadInput } from "./errors";
import { judge, type LoadedPack } from "./findings";
import type { Progress } from "./progress";
import { runTarget } from "./run";
import type { PlanTarget } from "./target";
import { phase } from "./timing";

/** Everything a stage plan needs besides the target. */
export interface PlanSettings {
    pack: LoadedPack;
    /** `--policy-pack-config`, checked (empty when not given); merged with each target's stage profile. */
    packConfig: PackConfig;
    usage: UsageChoice;
    preview: boolean;
    progress: Progress;
}

/** The same target at another stage: Runway's program gets `runway:stage`, others the pack profile. */
export function atStage(target: PlanTarget, stage: Stage): PlanTarget {
    const config = target.own ? { ...target.config, "runway:stage": stage } : target.config;
    return { ...target, config, stage, profile: stage };
}

/** Plans one target; returns the document. */
export async function planTarget(target: PlanTarget, settings: PlanSettings): Promise<PlanDocument> {
    return (await planWithRun(target, settings)).document;
}

/** Plans one target; returns the document and the program run behind it (the stage-move preview compares runs). */
export async function planWithRun(target: PlanTarget, settings: PlanSettings): Promise<{ document: PlanDocument; run: ProgramRun }> {
    settings.progress.step(`running ${target.programLabel} (stack ${target.stack}, stage ${target.stage})`);
    const run = await runTarget(target, settings.preview);
    phase(`run ${target.stage}`);
    settings.progress.step(`checking ${run.resources.length} resources with ${settings.pack.definition.name}@${settings.pack.definition.version}`);
    const findings = await judge(run, settings.pack, target.profile, settings.packConfig);
    phase(`pack ${target.stage}`);
    settings.progress.step("pricing");
    let cost;
    try {
        cost = priceRun(run, { region: target.region, stage: target.own ? target.stage : undefined, usage: settings.usage });
    } catch (err) {
        throw new BadInput(`cannot price stack ${target.stack} (stage ${target.stage}): ${err instanceof Error ? err.message : String(err)}`);
    }
    phase(`cost ${target.stage}`);
    const document = buildDocument(target, run, settings.pack, findings, cost);
    phase(`document ${target.stage}`);
    return { document, run };
}
