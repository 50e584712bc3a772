import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { stateful } from "../options";

/** Arguments of a job queue with its dead-letter queue. */
export interface QueueArgs {
    /**
     * Visibility timeout (s): longer than a job takes.
     * @default `CONFIG_SCHEMA.queueVisibilityTimeout` (60), through `runway:queueVisibilityTimeout`
     */
    readonly visibilityTimeoutSeconds: number;
    /**
     * Receives before a message is dead-lettered.
     * @default `CONFIG_SCHEMA.queueMaxReceiveCount` (5), through `runway:queueMaxReceiveCount`
     */
    readonly maxReceiveCount: number;
    /** Customer-managed KMS key (enterprise); SQS-managed SSE when unset. */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Protect and retain both queues (messages in flight are data).
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

/** Messages are kept 4 days in the queue and 14 days (the maximum) in the dead-letter queue. */
export const QUEUE_RETENTION_SECONDS = { queue: 345_600, deadLetter: 1_209_600 } as const;

/** An encrypted SQS job queue with a dead-letter queue (redrive policy). */
export class Queue extends pulumi.ComponentResource {
    /** Queue URL. */
    readonly url: pulumi.Output<string>;
    /** Queue ARN. */
    readonly arn: pulumi.Output<string>;
    /** Queue name (CloudWatch dimension). */
    readonly queueName: pulumi.Output<string>;
    /** Dead-letter queue ARN. */
    readonly deadLetterArn: pulumi.Output<string>;

    constructor(name: string, args: QueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:queue:Queue", name, {}, opts);
        const encryption =
            args.kmsKeyArn === undefined ? { sqsManagedSseEnabled: true } : { kmsMasterKeyId: args.kmsKeyArn, kmsDataKeyReusePeriodSeconds: 300 };
        const dlq = new aws.sqs.Queue(`${name}-dlq`, { messageRetentionSeconds: QUEUE_RETENTION_SECONDS.deadLetter, ...encryption }, stateful(this, args.protect));
        const queue = new aws.sqs.Queue(
            `${name}-queue`,
            {
                visibilityTimeoutSeconds: args.visibilityTimeoutSeconds,
                messageRetentionSeconds: QUEUE_RETENTION_SECONDS.queue,
                redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: args.maxReceiveCount }),
                ...encryption,
            },
            stateful(this, args.protect),
        );
        this.url = queue.url;
        this.arn = queue.arn;
        this.queueName = queue.name;
        this.deadLetterArn = dlq.arn;
        this.registerOutputs({ url: this.url, arn: this.arn, deadLetterArn: this.deadLetterArn });
    }
}
