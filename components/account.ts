import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** Who and where the stack runs: for ARNs in policies. */
export interface Account {
    /** 12-digit account id. */
    readonly accountId: pulumi.Output<string>;
    /** ARN partition (aws, aws-us-gov, ...). */
    readonly partition: pulumi.Output<string>;
    /** Region of the stack. */
    readonly region: string;
}

/** Looks up the account id and partition through the stack's provider. */
export function lookupAccount(parent: pulumi.Resource, region: string): Account {
    const identity = aws.getCallerIdentityOutput({}, { parent });
    const partition = aws.getPartitionOutput({}, { parent });
    return { accountId: identity.accountId, partition: partition.partition, region };
}
