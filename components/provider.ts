import * as aws from "@pulumi/aws";
import type { RunwayConfig } from "../config/types";

/** The tags every resource carries, applied once through the provider's `defaultTags`. */
export function runwayTags(config: RunwayConfig, project: string, stack: string): Record<string, string> {
    return {
        project,
        stack,
        stage: config.stage,
        owner: config.owner,
        "cost-centre": config.costCentre,
        "runway:stage": config.stage,
    };
}

/**
 * The one explicit AWS provider of the stack (plus, for enterprise backups, one in `backupRegion`). Stage
 * components receive it through `providers`, so every child inherits region and default tags.
 */
export function createAwsProvider(name: string, region: string, tags: Record<string, string>): aws.Provider {
    return new aws.Provider(name, { region: region as aws.Region, defaultTags: { tags } });
}
