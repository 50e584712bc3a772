import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the alert topic. */
export interface AlertsArgs {
    /** Email subscribed to the topic (confirmation mail is sent on creation). */
    email: string;
    /** Customer-managed KMS key encrypting the topic (its policy must admit cloudwatch.amazonaws.com). */
    kmsKeyArn?: pulumi.Input<string>;
}

/** The SNS topic every alarm notifies, with an email subscription. */
export class Alerts extends pulumi.ComponentResource {
    /** Topic ARN. */
    readonly topicArn: pulumi.Output<string>;

    constructor(name: string, args: AlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:observability:Alerts", name, {}, opts);
        const topic = new aws.sns.Topic(`${name}-topic`, args.kmsKeyArn === undefined ? {} : { kmsMasterKeyId: args.kmsKeyArn }, child(this));
        new aws.sns.TopicSubscription(`${name}-email`, { topic: topic.arn, protocol: "email", endpoint: args.email }, child(this));
        this.topicArn = topic.arn;
        this.registerOutputs({ topicArn: this.topicArn });
    }
}
