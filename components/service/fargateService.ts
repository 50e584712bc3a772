import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child, stateful } from "../options";
import { targetTracking, type Scaling } from "./scaling";

/** Scale-to-zero schedule (non-production). */
export interface OffHours {
    /** When to scale to zero. */
    scaleDown: string;
    /** When to restore min/max. */
    scaleUp: string;
}

/** Arguments of a Fargate service. */
export interface FargateServiceArgs {
    /** Cluster ARN. */
    clusterArn: pulumi.Input<string>;
    /** Cluster name (autoscaling resource id). */
    clusterName: pulumi.Input<string>;
    /** Task execution role ARN. */
    executionRoleArn: pulumi.Input<string>;
    /** Task role ARN. */
    taskRoleArn: pulumi.Input<string>;
    /** Container image. */
    image: pulumi.Input<string>;
    /** Container command (worker); the image default when unset. */
    command?: string[];
    /** CPU units. */
    cpu: number;
    /** Memory MiB. */
    memory: number;
    /** Container port exposed to the load balancer (web only). */
    containerPort?: number;
    /** Plain environment variables. */
    environment: Record<string, pulumi.Input<string>>;
    /** Secrets injected from SSM Parameter Store or Secrets Manager: env name → ARN. */
    secrets: Record<string, pulumi.Input<string>>;
    /** Private app subnets. */
    subnetIds: pulumi.Input<string>[];
    /** Task security group. */
    securityGroupId: pulumi.Input<string>;
    /** Log group name (`/runway/<stack>/<service>`). */
    logGroupName: string;
    /** Log retention (days). */
    logRetentionDays: number;
    /** KMS key for the log group (enterprise). */
    logKmsKeyArn?: pulumi.Input<string>;
    /** Protect and retain the log group (the service's log archive). */
    protect: boolean;
    /** Target group to register with (web only). */
    targetGroupArn?: pulumi.Input<string>;
    /** Resource the service must wait for (the HTTPS listener). */
    dependsOn?: pulumi.Input<pulumi.Resource>[];
    /** Minimum tasks. */
    minTasks: number;
    /** Maximum tasks. */
    maxTasks: number;
    /** Tasks at creation (autoscaling owns the count afterwards). */
    desiredTasks: number;
    /** Scaling policy. */
    scaling: Scaling;
    /** Scale to zero off hours. */
    offHours?: OffHours;
    /** AWS region (log driver). */
    region: string;
}

/** Grace period before load balancer health checks count (s). */
export const HEALTH_CHECK_GRACE_SECONDS = 60;

/**
 * A Fargate (ARM64) service in private subnets without public IPs, with its log group, task definition,
 * Application Auto Scaling target + target-tracking policy (the service's resource id is built from the real
 * cluster and service names), and optionally an off-hours scale-to-zero schedule.
 */
export class FargateService extends pulumi.ComponentResource {
    /** Service name. */
    readonly serviceName: pulumi.Output<string>;
    /** Task definition ARN. */
    readonly taskDefinitionArn: pulumi.Output<string>;
    /** Autoscaling resource id (`service/<cluster>/<service>`). */
    readonly scalingResourceId: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:service:FargateService", name, {}, opts);
        const logs = new aws.cloudwatch.LogGroup(
            `${name}-logs`,
            { name: args.logGroupName, retentionInDays: args.logRetentionDays, ...(args.logKmsKeyArn === undefined ? {} : { kmsKeyId: args.logKmsKeyArn }) },
            stateful(this, args.protect),
        );
        const container = pulumi
            .all([args.image, logs.name, pulumi.output(args.environment), pulumi.output(args.secrets)])
            .apply(([image, logGroupName, environment, secrets]) =>
                JSON.stringify([
                    {
                        name,
                        image,
                        essential: true,
                        readonlyRootFilesystem: true,
                        ...(args.command ? { command: args.command } : {}),
                        portMappings: args.containerPort === undefined ? [] : [{ containerPort: args.containerPort, protocol: "tcp" }],
                        environment: Object.entries(environment).map(([key, value]) => ({ name: key, value })),
                        secrets: Object.entries(secrets).map(([key, valueFrom]) => ({ name: key, valueFrom })),
                        logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": logGroupName, "awslogs-region": args.region, "awslogs-stream-prefix": name } },
                    },
                ]),
            );
        const taskDefinition = new aws.ecs.TaskDefinition(
            `${name}-task`,
            {
                family: `runway-${pulumi.getStack()}-${name}`,
                networkMode: "awsvpc",
                requiresCompatibilities: ["FARGATE"],
                cpu: String(args.cpu),
                memory: String(args.memory),
                runtimePlatform: { cpuArchitecture: "ARM64", operatingSystemFamily: "LINUX" },
                executionRoleArn: args.executionRoleArn,
                taskRoleArn: args.taskRoleArn,
                containerDefinitions: container,
            },
            child(this),
        );
        const loadBalancers =
            args.targetGroupArn !== undefined && args.containerPort !== undefined
                ? { loadBalancers: [{ targetGroupArn: args.targetGroupArn, containerName: name, containerPort: args.containerPort }], healthCheckGracePeriodSeconds: HEALTH_CHECK_GRACE_SECONDS }
                : {};
        const service = new aws.ecs.Service(
            `${name}-service`,
            {
                cluster: args.clusterArn,
                taskDefinition: taskDefinition.arn,
                launchType: "FARGATE",
                platformVersion: "LATEST",
                desiredCount: args.desiredTasks,
                networkConfiguration: { subnets: args.subnetIds, securityGroups: [args.securityGroupId], assignPublicIp: false },
                deploymentCircuitBreaker: { enable: true, rollback: true },
                propagateTags: "SERVICE",
                enableEcsManagedTags: true,
                ...loadBalancers,
            },
            child(this, { dependsOn: args.dependsOn, ignoreChanges: ["desiredCount"] }),
        );

        const resourceId = pulumi.interpolate`service/${args.clusterName}/${service.name}`;
        const target = new aws.appautoscaling.Target(
            `${name}-scaling-target`,
            { serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId, minCapacity: args.minTasks, maxCapacity: args.maxTasks },
            child(this),
        );
        new aws.appautoscaling.Policy(
            `${name}-${args.scaling.kind}-scaling`,
            {
                policyType: "TargetTrackingScaling",
                serviceNamespace: target.serviceNamespace,
                scalableDimension: target.scalableDimension,
                resourceId: target.resourceId,
                targetTrackingScalingPolicyConfiguration: targetTracking(args.scaling, args.clusterName, service.name),
            },
            child(this),
        );
        if (args.offHours) {
            const scheduled = (suffix: string, schedule: string, min: number, max: number) =>
                new aws.appautoscaling.ScheduledAction(
                    `${name}-${suffix}`,
                    {
                        serviceNamespace: target.serviceNamespace,
                        scalableDimension: target.scalableDimension,
                        resourceId: target.resourceId,
                        schedule,
                        timezone: "UTC",
                        scalableTargetAction: { minCapacity: min, maxCapacity: max },
                    },
                    child(this),
                );
            scheduled("off-hours-down", args.offHours.scaleDown, 0, 0);
            scheduled("off-hours-up", args.offHours.scaleUp, args.minTasks, args.maxTasks);
        }
        this.serviceName = service.name;
        this.taskDefinitionArn = taskDefinition.arn;
        this.scalingResourceId = target.resourceId;
        this.registerOutputs({ serviceName: this.serviceName, taskDefinitionArn: this.taskDefinitionArn, scalingResourceId: this.scalingResourceId });
    }
}
