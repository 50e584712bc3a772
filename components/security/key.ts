import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "../account";
import { policyDocument, type Statement } from "../iam/documents";
import { child, stateful } from "../options";

/** An AWS service allowed to use the key, and under which condition. */
export interface KeyServiceGrant {
    /** Service principal, e.g. `logs.us-east-1.amazonaws.com`. */
    readonly principal: string;
    /** Condition restricting the grant (operator → key → value). */
    readonly condition: Record<string, Record<string, pulumi.Input<string>>>;
}

/** Arguments of a customer-managed KMS key. */
export interface KeyArgs {
    /** What the key encrypts (key description). */
    readonly description: string;
    /** Account owning the key (its root gets administration through IAM). */
    readonly account: Account;
    /** Services that encrypt with the key directly (CloudWatch Logs, CloudTrail, SNS...); none for keys used only through IAM. */
    readonly services: KeyServiceGrant[];
    /**
     * Protect and retain the key.
     * @default `CONFIG_SCHEMA.protect` (zero and hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

const DELETION_WINDOW_DAYS = 30;

/** A customer-managed KMS key with yearly rotation, a 30-day deletion window and an alias `alias/<name>`. */
export class Key extends pulumi.ComponentResource {
    /** Key ARN. */
    readonly arn: pulumi.Output<string>;
    /** Key id. */
    readonly keyId: pulumi.Output<string>;
    /** Alias name. */
    readonly aliasName: pulumi.Output<string>;

    constructor(name: string, args: KeyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:security:Key", name, {}, opts);
        const { accountId, partition } = args.account;
        const statements: Statement[] = [
            {
                Sid: "AccountAdministersKeyThroughIam",
                Effect: "Allow",
                Principal: { AWS: pulumi.interpolate`arn:${partition}:iam::${accountId}:root` },
                Action: "kms:*",
                Resource: "*",
            },
            ...args.services.map(
                (grant): Statement => ({
                    Sid: `Allow${grant.principal.split(".")[0]}`,
                    Effect: "Allow",
                    Principal: { Service: grant.principal },
                    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                    Resource: "*",
                    Condition: grant.condition,
                }),
            ),
        ];
        const key = new aws.kms.Key(
            `${name}-key`,
            { description: args.description, enableKeyRotation: true, deletionWindowInDays: DELETION_WINDOW_DAYS, policy: policyDocument(statements) },
            stateful(this, args.protect),
        );
        const alias = new aws.kms.Alias(`${name}-alias`, { name: `alias/runway/${pulumi.getStack()}/${name}`, targetKeyId: key.keyId }, child(this));
        this.arn = key.arn;
        this.keyId = key.keyId;
        this.aliasName = alias.name;
        this.registerOutputs({ arn: this.arn, keyId: this.keyId, aliasName: this.aliasName });
    }
}
