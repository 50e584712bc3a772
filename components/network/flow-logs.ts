import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { assumeRolePolicy, policyDocument } from "../iam/documents";
import { logGroup } from "../observability/log-group";
import { child } from "../options";

/** Arguments of the VPC flow logs. */
export interface FlowLogsArgs {
    /** VPC to log. */
    readonly vpcId: pulumi.Input<string>;
    /**
     * Log retention (days).
     * @default `CONFIG_SCHEMA.logRetentionDays (enterprise)` (365), through `runway:logRetentionDays`
     */
    readonly retentionDays: number;
    /** Key encrypting the log group. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** Protect and retain the log group (the flow-log archive). */
    readonly protect: boolean;
}

/** Aggregation interval of flow log records (s). */
export const FLOW_LOG_INTERVAL_SECONDS = 60;

/** VPC flow logs (all traffic) to an encrypted CloudWatch log group, delivered by a role scoped to it. */
export class FlowLogs extends pulumi.ComponentResource {
    /** Log group name. */
    readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: FlowLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:network:FlowLogs", name, {}, opts);
        const group = logGroup(this, `${name}-logs`, { retentionInDays: args.retentionDays, kmsKeyArn: args.kmsKeyArn, protect: args.protect });
        const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: assumeRolePolicy("vpc-flow-logs.amazonaws.com") }, child(this));
        new aws.iam.RolePolicy(
            `${name}-policy`,
            {
                role: role.id,
                policy: policyDocument([
                    { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource: [group.arn, pulumi.interpolate`${group.arn}:*`] },
                ]),
            },
            child(this),
        );
        new aws.ec2.FlowLog(
            `${name}-vpc`,
            { vpcId: args.vpcId, trafficType: "ALL", logDestinationType: "cloud-watch-logs", logDestination: group.arn, iamRoleArn: role.arn, maxAggregationInterval: FLOW_LOG_INTERVAL_SECONDS },
            child(this),
        );
        this.logGroupName = group.name;
        this.registerOutputs({ logGroupName: this.logGroupName });
    }
}
