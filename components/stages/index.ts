import type * as pulumi from "@pulumi/pulumi";
import type { RunwayConfig } from "../../config/types";
import { EnterpriseStage } from "./enterprise";
import { HeroStage } from "./hero";
import type { StageArgs } from "./stage";
import { ZeroStage } from "./zero";

export { STAGE_NAME, STAGE_TYPES } from "./stage";

/** Stack outputs every stage can produce (absent ones are undefined). */
export interface StageExports {
    url: pulumi.Output<string>;
    assetsBucket: pulumi.Output<string>;
    dbEndpoint?: pulumi.Output<string>;
    dashboardUrl?: pulumi.Output<string>;
    cdnDomain?: pulumi.Output<string>;
    repositoryUrl?: pulumi.Output<string>;
    publicIp?: pulumi.Output<string>;
}

/** Declares the component of `config.stage`. */
export function declareStage(config: RunwayConfig, args: Omit<StageArgs, "config">, opts: pulumi.ComponentResourceOptions): StageExports {
    const stageArgs: StageArgs = { ...args, config };
    switch (config.stage) {
        case "zero":
            return new ZeroStage(stageArgs, opts);
        case "hero":
            return new HeroStage(stageArgs, opts);
        case "enterprise":
            return new EnterpriseStage(stageArgs, opts);
    }
}
