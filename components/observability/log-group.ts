import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { stateful } from "../options";

/** Arguments of a CloudWatch log group. */
export interface LogGroupArgs {
    /** Physical log group name, e.g. `/runway/<stack>/web`; unset, Pulumi auto-names the group from its logical name. */
    readonly logGroupName?: string;
    /** Days the log events are kept (a retention CloudWatch accepts). */
    readonly retentionInDays: number;
    /** Customer-managed KMS key encrypting the group (enterprise); unset, CloudWatch Logs' own encryption. */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Protect and retain the group: a log archive is data, like every other data store. */
    readonly protect: boolean;
}

/**
 * The one log group builder: a CloudWatch log group named `name`, parented to `parent`, with retention,
 * KMS-encrypted when a key is given, and with `protect` protected and retained like every other data store.
 */
export function logGroup(parent: pulumi.Resource, name: string, args: LogGroupArgs): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(
        name,
        {
            ...(args.logGroupName === undefined ? {} : { name: args.logGroupName }),
            retentionInDays: args.retentionInDays,
            ...(args.kmsKeyArn === undefined ? {} : { kmsKeyId: args.kmsKeyArn }),
        },
        stateful(parent, args.protect),
    );
}
