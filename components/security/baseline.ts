import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "../account";
import type { Statement } from "../iam/documents";
import { child } from "../options";
import { Bucket } from "../storage/bucket";

/** Arguments of the account security baseline. */
export interface SecurityBaselineArgs {
    /** Account, partition, region. */
    readonly account: Account;
    /** Key encrypting CloudTrail log files (its policy admits cloudtrail.amazonaws.com). */
    readonly trailKmsKeyArn: pulumi.Input<string>;
    /**
     * Object Lock retention of the trail bucket (days).
     * @default `TRAIL_RETENTION_DAYS` (365), config/defaults.ts
     */
    readonly trailRetentionDays: number;
    /**
     * Protect and retain the trail bucket.
     * @default `CONFIG_SCHEMA.protect (enterprise)` (true), through `runway:protect`
     */
    readonly protect: boolean;
}

/** The AWS Foundational Security Best Practices standard, in `region`. */
export function fsbpStandardArn(partition: pulumi.Input<string>, region: string): pulumi.Output<string> {
    return pulumi.interpolate`arn:${partition}:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`;
}

/**
 * Account-level detection: a multi-region CloudTrail trail (log file validation, KMS) into an
 * Object-Locked, versioned, private bucket; GuardDuty; Security Hub with the AWS Foundational Security
 * Best Practices standard.
 */
export class SecurityBaseline extends pulumi.ComponentResource {
    /** Trail ARN. */
    readonly trailArn: pulumi.Output<string>;
    /** Trail bucket name. */
    readonly trailBucketName: pulumi.Output<string>;
    /** GuardDuty detector id. */
    readonly detectorId: pulumi.Output<string>;

    constructor(name: string, args: SecurityBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:security:Baseline", name, {}, opts);
        const { accountId, partition, region } = args.account;
        const trailName = `runway-${pulumi.getStack()}`;
        const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${region}:${accountId}:trail/${trailName}`;
        const bucket = new Bucket(
            `${name}-trail-logs`,
            {
                objectLockDays: args.trailRetentionDays,
                protect: args.protect,
                policyStatements: (bucketArn): Statement[] => [
                    {
                        Sid: "CloudTrailAclCheck",
                        Effect: "Allow",
                        Principal: { Service: "cloudtrail.amazonaws.com" },
                        Action: "s3:GetBucketAcl",
                        Resource: bucketArn,
                        Condition: { StringEquals: { "aws:SourceArn": trailArn } },
                    },
                    {
                        Sid: "CloudTrailWrite",
                        Effect: "Allow",
                        Principal: { Service: "cloudtrail.amazonaws.com" },
                        Action: "s3:PutObject",
                        Resource: pulumi.interpolate`${bucketArn}/AWSLogs/${accountId}/*`,
                        Condition: { StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
                    },
                ],
            },
            { parent: this },
        );
        const trail = new aws.cloudtrail.Trail(
            `${name}-trail`,
            {
                name: trailName,
                s3BucketName: bucket.bucketName,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                kmsKeyId: args.trailKmsKeyArn,
            },
            child(this, { dependsOn: [bucket] }),
        );
        const detector = new aws.guardduty.Detector(`${name}-guardduty`, { enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" }, child(this));
        const hub = new aws.securityhub.Account(`${name}-securityhub`, { enableDefaultStandards: false }, child(this));
        new aws.securityhub.StandardsSubscription(`${name}-fsbp`, { standardsArn: fsbpStandardArn(partition, region) }, child(this, { dependsOn: [hub] }));
        this.trailArn = trail.arn;
        this.trailBucketName = bucket.bucketName;
        this.detectorId = detector.id;
        this.registerOutputs({ trailArn: this.trailArn, trailBucketName: this.trailBucketName, detectorId: this.detectorId });
    }
}
