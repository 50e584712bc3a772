import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "../account";
import { assumeRolePolicy, policyDocument, type Statement } from "../iam/documents";
import { child } from "../options";

/** What the tasks may touch; every grant names its resources (no `*` on `*`). */
export interface TaskRolesArgs {
    /** Account and region (log group ARNs). */
    readonly account: Account;
    /** Prefix of the services' log group names, e.g. `/runway/dev`. */
    readonly logGroupPrefix: string;
    /** Image repository the execution role pulls from; no ECR grant when unset (images come from elsewhere). */
    readonly repositoryArn?: pulumi.Input<string>;
    /** Job queue the tasks send to and consume. */
    readonly queueArn: pulumi.Input<string>;
    /** Buckets the app reads and writes. */
    readonly bucketArns: pulumi.Input<string>[];
    /** SSM parameter path ARN prefix (`arn:...:parameter/runway/<stack>`). */
    readonly parameterPathArn: pulumi.Input<string>;
    /** Secrets the app reads (unknown values are skipped). */
    readonly secretArns: pulumi.Input<string | undefined>[];
    /** Customer-managed keys protecting the above (enterprise); none in hero. */
    readonly kmsKeyArns: pulumi.Input<string>[];
}

/** The ECS task execution role (pull image, write logs, read secrets) and the task role (the app's own access). */
export class TaskRoles extends pulumi.ComponentResource {
    /** Execution role ARN. */
    readonly executionRoleArn: pulumi.Output<string>;
    /** Task role ARN. */
    readonly taskRoleArn: pulumi.Output<string>;

    constructor(name: string, args: TaskRolesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:service:TaskRoles", name, {}, opts);
        const { accountId, partition, region } = args.account;
        const trust = assumeRolePolicy("ecs-tasks.amazonaws.com", accountId);
        const secretArns = pulumi.all(args.secretArns).apply((arns) => arns.filter((arn): arn is string => typeof arn === "string" && arn.length > 0));
        const kms: Statement[] = args.kmsKeyArns.length > 0 ? [{ Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: args.kmsKeyArns }] : [];
        const parameters = pulumi.interpolate`${args.parameterPathArn}/*`;

        const execution = new aws.iam.Role(`${name}-execution`, { assumeRolePolicy: trust, description: "ECS: pull images, write logs, inject secrets" }, child(this));
        const pull: Statement[] =
            args.repositoryArn === undefined
                ? []
                : [
                      { Sid: "EcrLogin", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
                      { Sid: "EcrPull", Effect: "Allow", Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: args.repositoryArn },
                  ];
        new aws.iam.RolePolicy(
            `${name}-execution-policy`,
            {
                role: execution.id,
                policy: secretArns.apply((secrets) =>
                    policyDocument([
                        ...pull,
                        {
                            Sid: "Logs",
                            Effect: "Allow",
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:log-group:${args.logGroupPrefix}/*:*`,
                        },
                        { Sid: "Parameters", Effect: "Allow", Action: ["ssm:GetParameters"], Resource: parameters },
                        ...(secrets.length > 0 ? [{ Sid: "Secrets", Effect: "Allow" as const, Action: ["secretsmanager:GetSecretValue"], Resource: secrets }] : []),
                        ...kms,
                    ]),
                ),
            },
            child(this),
        );

        const task = new aws.iam.Role(`${name}-task`, { assumeRolePolicy: trust, description: "The app: queue, buckets, parameters, secrets" }, child(this));
        new aws.iam.RolePolicy(
            `${name}-task-policy`,
            {
                role: task.id,
                policy: secretArns.apply((secrets) =>
                    policyDocument([
                        {
                            Sid: "Queue",
                            Effect: "Allow",
                            Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"],
                            Resource: args.queueArn,
                        },
                        { Sid: "BucketList", Effect: "Allow", Action: ["s3:ListBucket"], Resource: args.bucketArns },
                        { Sid: "BucketObjects", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: args.bucketArns.map((arn) => pulumi.interpolate`${arn}/*`) },
                        { Sid: "Parameters", Effect: "Allow", Action: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"], Resource: [args.parameterPathArn, parameters] },
                        ...(secrets.length > 0 ? [{ Sid: "Secrets", Effect: "Allow" as const, Action: ["secretsmanager:GetSecretValue"], Resource: secrets }] : []),
                        ...kms,
                    ]),
                ),
            },
            child(this),
        );
        this.executionRoleArn = execution.arn;
        this.taskRoleArn = task.arn;
        this.registerOutputs({ executionRoleArn: this.executionRoleArn, taskRoleArn: this.taskRoleArn });
    }
}
