import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { stateful } from "../options";

/**
 * A CloudWatch log group with retention, KMS-encrypted when a key is given; parented to `parent`. A log
 * archive is data: with `protect` it is protected and retained like every other data store.
 */
export function logGroup(parent: pulumi.Resource, name: string, retentionInDays: number, kmsKeyArn: pulumi.Input<string> | undefined, protect: boolean): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(name, { retentionInDays, ...(kmsKeyArn === undefined ? {} : { kmsKeyId: kmsKeyArn }) }, stateful(parent, protect));
}
