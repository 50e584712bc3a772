import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { assumeRolePolicy } from "../iam/documents";
import { child } from "../options";

/** Arguments of the daily snapshot policy. */
export interface DailySnapshotsArgs {
    /** Volumes carrying this tag (key → value) are snapshotted (zero: `SNAPSHOT_TAG`). */
    readonly targetTags: Record<string, string>;
    /**
     * Snapshots kept (one a day).
     * @default `CONFIG_SCHEMA.snapshotRetentionDays` (7), through `runway:snapshotRetentionDays`
     */
    readonly retainCount: number;
    /**
     * UTC time of day, HH:MM.
     * @default `SNAPSHOT_TIME` (`03:00`), server/web-server.ts
     */
    readonly time: string;
}

/** Daily EBS snapshots through Data Lifecycle Manager, with its service role. */
export class DailySnapshots extends pulumi.ComponentResource {
    /** Lifecycle policy ARN. */
    readonly policyArn: pulumi.Output<string>;

    constructor(name: string, args: DailySnapshotsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:server:DailySnapshots", name, {}, opts);
        const role = new aws.iam.Role(`${name}-dlm-role`, { assumeRolePolicy: assumeRolePolicy("dlm.amazonaws.com") }, child(this));
        new aws.iam.RolePolicyAttachment(
            `${name}-dlm-policy`,
            { role: role.name, policyArn: "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole" },
            child(this),
        );
        const policy = new aws.dlm.LifecyclePolicy(
            `${name}-policy`,
            {
                description: "Daily snapshots of the zero instance",
                executionRoleArn: role.arn,
                state: "ENABLED",
                policyDetails: {
                    resourceTypes: ["VOLUME"],
                    targetTags: args.targetTags,
                    schedules: [
                        {
                            name: "daily",
                            createRule: { interval: 24, intervalUnit: "HOURS", times: args.time },
                            retainRule: { count: args.retainCount },
                            copyTags: true,
                        },
                    ],
                },
            },
            child(this),
        );
        this.policyArn = policy.arn;
        this.registerOutputs({ policyArn: this.policyArn });
    }
}
