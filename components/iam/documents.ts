import * as pulumi from "@pulumi/pulumi";

/** One IAM policy statement (the subset Runway writes). */
export interface Statement {
    /** Statement id. */
    Sid?: string;
    /** Allow or Deny. */
    Effect: "Allow" | "Deny";
    /** Principal (resource and trust policies only). */
    Principal?: { Service: string | string[] } | { AWS: pulumi.Input<string> | pulumi.Input<string>[] };
    /** Actions. */
    Action: string | string[];
    /** Resources (omitted in trust policies). */
    Resource?: pulumi.Input<string> | pulumi.Input<string>[];
    /** Conditions: operator → key → value(s). */
    Condition?: Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[] | boolean>>;
}

/** A policy document as a JSON string output (inputs resolved). */
export function policyDocument(statements: Statement[]): pulumi.Output<string> {
    return pulumi.jsonStringify({ Version: "2012-10-17", Statement: statements });
}

/** A trust policy letting one AWS service assume the role, optionally only from this account. */
export function assumeRolePolicy(service: string, sourceAccount?: pulumi.Input<string>): pulumi.Output<string> {
    return policyDocument([
        {
            Effect: "Allow",
            Principal: { Service: service },
            Action: "sts:AssumeRole",
            ...(sourceAccount === undefined ? {} : { Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } } }),
        },
    ]);
}
