import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { Stage } from "../../config/defaults";
import type { RunwayConfig } from "../../config/types";

/** Type token of each stage component. */
export const STAGE_TYPES: Readonly<Record<Stage, string>> = {
    zero: "runway:stage:Zero",
    hero: "runway:stage:Hero",
    enterprise: "runway:stage:Enterprise",
};

/** Logical name of the stage component, the same in every stage. */
export const STAGE_NAME = "runway";

/** Arguments every stage component takes. */
export interface StageArgs {
    /** Validated stack configuration (every default filled in, see config/defaults.ts). */
    readonly config: RunwayConfig;
    /** Provider in `config.backupRegion` (enterprise cross-region backup copies); zero and hero need none. */
    readonly backupProvider?: aws.Provider;
}

/** What a stage exposes as stack outputs. */
export interface StageOutputs {
    /** Public URL of the app. */
    url: pulumi.Output<string>;
    /** Database endpoint host (zero: none, the app's data lives on the instance). */
    dbEndpoint?: pulumi.Output<string>;
    /** Assets bucket (zero: the uploads bucket). */
    assetsBucket: pulumi.Output<string>;
    /** CloudWatch dashboard (enterprise). */
    dashboardUrl?: pulumi.Output<string>;
}

/**
 * Growth keeps URNs: every stage component is named `runway` and aliases the other two stage types, so a
 * block declared with the same type and name in two stages (network, uploads bucket, assets bucket, ECR,
 * queue, Redis, budget, alerts...) keeps its URN, and so does everything inside it; the engine derives
 * each child's aliases from its parent's. A stage move then updates those resources in place.
 */
export function stageAliases(stage: Stage): pulumi.Alias[] {
    return (Object.keys(STAGE_TYPES) as Stage[]).filter((other) => other !== stage).map((other) => ({ type: STAGE_TYPES[other] }));
}
