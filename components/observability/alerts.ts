import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "../account";
import { child } from "../options";
import { Key } from "../security/key";

/** Arguments of the alert topic. */
export interface AlertsArgs {
    /**
     * Email subscribed to the topic (confirmation mail is sent on creation).
     * @default `CONFIG_SCHEMA.alertEmail` (`ops@example.com`), through `runway:alertEmail`
     */
    readonly email: string;
    /** Account owning the topic's key. */
    readonly account: Account;
    /**
     * Protect and retain the topic's key.
     * @default `CONFIG_SCHEMA.protect` (zero and hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

/**
 * The SNS topic every alarm and budget notifies, with an email subscription. The topic is encrypted with its own
 * customer-managed key in every stage: CloudWatch alarms and AWS Budgets cannot publish to a topic encrypted with
 * the AWS-managed `alias/aws/sns` key (its key policy cannot admit them), so SSE needs a key whose policy does.
 * One key per stage keeps the topic's key (and its URN) the same when the stage grows.
 */
export class Alerts extends pulumi.ComponentResource {
    /** Topic ARN. */
    readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: AlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:observability:Alerts", name, {}, opts);
        const sameAccount = { StringEquals: { "aws:SourceAccount": args.account.accountId } };
        const key = new Key(
            `${name}-kms`,
            {
                description: "Encrypts Runway's alert topic",
                account: args.account,
                services: [
                    { principal: "cloudwatch.amazonaws.com", condition: sameAccount },
                    { principal: "budgets.amazonaws.com", condition: sameAccount },
                ],
                protect: args.protect,
            },
            child(this),
        );
        const topic = new aws.sns.Topic(`${name}-topic`, { kmsMasterKeyId: key.arn }, child(this));
        new aws.sns.TopicSubscription(`${name}-email`, { topic: topic.arn, protocol: "email", endpoint: args.email }, child(this));
        this.topicArn = topic.arn;
        this.registerOutputs({ topicArn: this.topicArn });
    }
}
