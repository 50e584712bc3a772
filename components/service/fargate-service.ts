import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { logGroup } from "../observability/log-group";
import { child } from "../options";
import { targetTracking, type Scaling } from "./scaling";

/** Scale-to-zero schedule (non-production). */
export interface OffHours {
    /**
     * When to scale to zero (Application Auto Scaling schedule, UTC).
     * @default `CONFIG_SCHEMA.offHoursScaleDown` (`cron(0 20 ? * MON-FRI *)`), through `runway:offHoursScaleDown`
     */
    readonly scaleDown: string;
    /**
     * When to restore min/max (Application Auto Scaling schedule, UTC).
     * @default `CONFIG_SCHEMA.offHoursScaleUp` (`cron(0 7 ? * MON-FRI *)`), through `runway:offHoursScaleUp`
     */
    readonly scaleUp: string;
}

/**
 * Arguments of a Fargate service. Defaults cited as `CONFIG_SCHEMA.<key>`
 * (config/schema.ts) are the configuration's: the platform passes the `runway:` key's value.
 */
export interface FargateServiceArgs {
    /** Cluster ARN. */
    readonly clusterArn: pulumi.Input<string>;
    /** Cluster name (autoscaling resource id). */
    readonly clusterName: pulumi.Input<string>;
    /** Task execution role ARN. */
    readonly executionRoleArn: pulumi.Input<string>;
    /** Task role ARN. */
    readonly taskRoleArn: pulumi.Input<string>;
    /**
     * Container image.
     * @default the stack's ECR repository at `CONFIG_SCHEMA.imageTag` (`v1`), unless `runway:containerImage` names one
     */
    readonly image: pulumi.Input<string>;
    /** Container command (worker); the image's default command when unset. */
    readonly command?: string[];
    /**
     * CPU units.
     * @default `CONFIG_SCHEMA.taskCpu` (hero 512, enterprise 1024), through `runway:taskCpu`
     */
    readonly cpu: number;
    /**
     * Memory MiB.
     * @default `CONFIG_SCHEMA.taskMemory` (hero 1024, enterprise 2048), through `runway:taskMemory`
     */
    readonly memory: number;
    /**
     * Container port exposed to the load balancer (web only); no port mapping when unset.
     * @default `CONFIG_SCHEMA.containerPort` (8080) for the web service, through `runway:containerPort`
     */
    readonly containerPort?: number;
    /** Plain environment variables. */
    readonly environment: Record<string, pulumi.Input<string>>;
    /** Secrets injected from SSM Parameter Store or Secrets Manager: env name → ARN. */
    readonly secrets: Record<string, pulumi.Input<string>>;
    /** Private app subnets. */
    readonly subnetIds: pulumi.Input<string>[];
    /** Task security group. */
    readonly securityGroupId: pulumi.Input<string>;
    /** Log group name (`/runway/<stack>/<service>`). */
    readonly logGroupName: string;
    /**
     * Log retention (days).
     * @default `CONFIG_SCHEMA.logRetentionDays` (hero 30, enterprise 365), through `runway:logRetentionDays`
     */
    readonly logRetentionDays: number;
    /** KMS key for the log group (enterprise); CloudWatch Logs' own encryption when unset. */
    readonly logKmsKeyArn?: pulumi.Input<string>;
    /**
     * Protect and retain the log group (the service's log archive).
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
    /** Target group to register with (web only); the service joins no load balancer when unset. */
    readonly targetGroupArn?: pulumi.Input<string>;
    /** Resources the service must wait for (the HTTPS listener); none when unset. */
    readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
    /**
     * Minimum tasks.
     * @default web `CONFIG_SCHEMA.minTasks` (2, `runway:minTasks`); worker `CONFIG_SCHEMA.workerMinTasks` (1, `runway:workerMinTasks`)
     */
    readonly minTasks: number;
    /**
     * Maximum tasks.
     * @default web `CONFIG_SCHEMA.maxTasks` (10, `runway:maxTasks`); worker `CONFIG_SCHEMA.workerMaxTasks` (10, `runway:workerMaxTasks`)
     */
    readonly maxTasks: number;
    /**
     * Tasks at creation (autoscaling owns the count afterwards).
     * @default `minTasks` (web: `runway:desiredTasks` is `auto`; worker: always `minTasks`)
     */
    readonly desiredTasks: number;
    /** Scaling policy (target tracking on CPU or on queue backlog). */
    readonly scaling: Scaling;
    /**
     * Scale to zero off hours; never when unset.
     * @default unset (`CONFIG_SCHEMA.scheduleOffHours` is false; `runway:scheduleOffHours`)
     */
    readonly offHours?: OffHours;
    /**
     * AWS region (log driver).
     * @default `CONFIG_SCHEMA.region` (`us-east-1`), through `runway:region`
     */
    readonly region: string;
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
        const logs = logGroup(this, `${name}-logs`, { logGroupName: args.logGroupName, retentionInDays: args.logRetentionDays, kmsKeyArn: args.logKmsKeyArn, protect: args.protect });
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
