import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** A CloudWatch log group with retention, KMS-encrypted when a key is given; parented to `parent`. */
export function logGroup(parent: pulumi.Resource, name: string, retentionInDays: number, kmsKeyArn?: pulumi.Input<string>): aws.cloudwatch.LogGroup {
    return new aws.cloudwatch.LogGroup(name, { retentionInDays, ...(kmsKeyArn === undefined ? {} : { kmsKeyId: kmsKeyArn }) }, child(parent));
}
