import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, type Statement } from "../iam/documents";
import { child, stateful } from "../options";

/** Storage-class transitions of current object versions. */
export interface BucketLifecycle {
    /**
     * Days after creation before Standard-IA.
     * @default `CONFIG_SCHEMA.assetsIaDays` (30), through `runway:assetsIaDays`
     */
    readonly iaDays: number;
    /**
     * Days after creation before Glacier Deep Archive.
     * @default `CONFIG_SCHEMA.assetsArchiveDays` (90), through `runway:assetsArchiveDays`
     */
    readonly archiveDays: number;
}

/** Arguments of a private, encrypted, versioned bucket. */
export interface BucketArgs {
    /** Customer-managed KMS key for SSE-KMS; AES256 (SSE-S3) when unset. */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /** Transition current objects to colder storage (enterprise assets); no transitions when unset. */
    readonly lifecycle?: BucketLifecycle;
    /** Delete non-current versions after this many days; keep them when unset. */
    readonly noncurrentExpirationDays?: number;
    /** Object Lock in GOVERNANCE mode with this default retention (days); must be set when the bucket is created. No Object Lock when unset. */
    readonly objectLockDays?: number;
    /**
     * Extra bucket policy statements (given the bucket ARN); a statement denying non-TLS requests is always
     * added. Leave unset when another block owns the policy (`manageBucketPolicy: false`).
     */
    readonly policyStatements?: (bucketArn: pulumi.Output<string>) => Statement[];
    /**
     * false when another component (e.g. the CDN) writes the bucket policy.
     * @default true
     */
    readonly manageBucketPolicy?: boolean;
    /**
     * Protect and retain the bucket.
     * @default `CONFIG_SCHEMA.protect` (zero and hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

const ABORT_MULTIPART_DAYS = 7;

/** A statement refusing any request not sent over TLS. */
export function denyInsecureTransport(bucketArn: pulumi.Input<string>): Statement {
    return {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: { AWS: "*" },
        Action: "s3:*",
        Resource: [bucketArn, pulumi.interpolate`${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": false } },
    };
}

/**
 * An S3 bucket with every guard as its own resource (so policies see them): default encryption, all four
 * public-access blocks, versioning, owner-enforced object ownership, a TLS-only policy, and optionally a
 * lifecycle (Standard → Standard-IA → Glacier Deep Archive) and Object Lock.
 */
export class Bucket extends pulumi.ComponentResource {
    /** Bucket name. */
    readonly bucketName: pulumi.Output<string>;
    /** Bucket ARN. */
    readonly arn: pulumi.Output<string>;
    /** Regional domain name (CloudFront origins). */
    readonly regionalDomainName: pulumi.Output<string>;

    constructor(name: string, args: BucketArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:storage:Bucket", name, {}, opts);
        const bucket = new aws.s3.Bucket(
            `${name}-bucket`,
            { forceDestroy: false, objectLockEnabled: args.objectLockDays !== undefined },
            stateful(this, args.protect),
        );
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-sse`,
            {
                bucket: bucket.id,
                rules: [
                    args.kmsKeyArn === undefined
                        ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
                        : { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true },
                ],
            },
            child(this),
        );
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-pab`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            child(this),
        );
        new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, child(this));
        const versioning = new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, child(this));

        if (args.objectLockDays !== undefined) {
            new aws.s3.BucketObjectLockConfiguration(
                `${name}-object-lock`,
                { bucket: bucket.id, rule: { defaultRetention: { mode: "GOVERNANCE", days: args.objectLockDays } } },
                child(this, { dependsOn: [versioning] }),
            );
        }

        if (args.lifecycle !== undefined || args.noncurrentExpirationDays !== undefined) {
            const transitions = args.lifecycle
                ? [
                      { days: args.lifecycle.iaDays, storageClass: "STANDARD_IA" },
                      { days: args.lifecycle.archiveDays, storageClass: "DEEP_ARCHIVE" },
                  ]
                : [];
            new aws.s3.BucketLifecycleConfiguration(
                `${name}-lifecycle`,
                {
                    bucket: bucket.id,
                    rules: [
                        {
                            id: "tiering",
                            status: "Enabled",
                            filter: {},
                            transitions,
                            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_MULTIPART_DAYS },
                            ...(args.noncurrentExpirationDays === undefined ? {} : { noncurrentVersionExpiration: { noncurrentDays: args.noncurrentExpirationDays } }),
                        },
                    ],
                },
                child(this, { dependsOn: [versioning] }),
            );
        }

        if (args.manageBucketPolicy !== false) {
            const extra = args.policyStatements ? args.policyStatements(bucket.arn) : [];
            new aws.s3.BucketPolicy(
                `${name}-policy`,
                { bucket: bucket.id, policy: policyDocument([denyInsecureTransport(bucket.arn), ...extra]) },
                child(this, { dependsOn: [publicAccessBlock] }),
            );
        }

        this.bucketName = bucket.id;
        this.arn = bucket.arn;
        this.regionalDomainName = bucket.bucketRegionalDomainName;
        this.registerOutputs({ bucketName: this.bucketName, arn: this.arn, regionalDomainName: this.regionalDomainName });
    }
}
