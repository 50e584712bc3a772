import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** Target tracking on the service's average CPU (the web service). */
export interface CpuScaling {
    /** Discriminant. */
    readonly kind: "cpu";
    /**
     * Target average CPU (%).
     * @default `CONFIG_SCHEMA.cpuTarget` (70), through `runway:cpuTarget`
     */
    readonly targetPercent: number;
    /**
     * Seconds between scale-in steps.
     * @default `CONFIG_SCHEMA.scaleInCooldown` (300), through `runway:scaleInCooldown` (web only)
     */
    readonly scaleInCooldown: number;
    /**
     * Seconds between scale-out steps.
     * @default `CONFIG_SCHEMA.scaleOutCooldown` (60), through `runway:scaleOutCooldown` (web only)
     */
    readonly scaleOutCooldown: number;
}

/**
 * The queue worker's own cooldowns (s). `runway:scaleInCooldown` and `runway:scaleOutCooldown` configure the web
 * service only, so queue-backlog scaling never takes them: it scales out a minute after the backlog grows and
 * in only after five quiet minutes, so a bursty queue does not make the worker count flap.
 */
export const QUEUE_SCALING_COOLDOWNS = { scaleInCooldown: 300, scaleOutCooldown: 60 } as const;

/** Target tracking on queue backlog per running task (the worker). */
export interface QueueScaling {
    /** Discriminant. */
    readonly kind: "queue";
    /** Queue whose visible messages drive scaling. */
    readonly queueName: pulumi.Input<string>;
    /**
     * Backlog per task to aim for.
     * @default `CONFIG_SCHEMA.messagesPerWorker` (100), through `runway:messagesPerWorker`
     */
    readonly messagesPerTask: number;
    /**
     * Seconds between scale-in steps.
     * @default `QUEUE_SCALING_COOLDOWNS.scaleInCooldown` (300)
     */
    readonly scaleInCooldown?: number;
    /**
     * Seconds between scale-out steps.
     * @default `QUEUE_SCALING_COOLDOWNS.scaleOutCooldown` (60)
     */
    readonly scaleOutCooldown?: number;
}

/** How a service scales. */
export type Scaling = CpuScaling | QueueScaling;

type TargetTracking = aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfiguration;

/** The target-tracking configuration for `scaling` of service `serviceName` in `clusterName`. */
export function targetTracking(scaling: Scaling, clusterName: pulumi.Input<string>, serviceName: pulumi.Input<string>): TargetTracking {
    if (scaling.kind === "cpu") {
        const cooldowns = { scaleInCooldown: scaling.scaleInCooldown, scaleOutCooldown: scaling.scaleOutCooldown };
        return { ...cooldowns, targetValue: scaling.targetPercent, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } };
    }
    const cooldowns = {
        scaleInCooldown: scaling.scaleInCooldown ?? QUEUE_SCALING_COOLDOWNS.scaleInCooldown,
        scaleOutCooldown: scaling.scaleOutCooldown ?? QUEUE_SCALING_COOLDOWNS.scaleOutCooldown,
    };
    return {
        ...cooldowns,
        targetValue: scaling.messagesPerTask,
        customizedMetricSpecification: {
            metrics: [
                {
                    id: "visible",
                    returnData: false,
                    metricStat: {
                        stat: "Sum",
                        metric: { namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", dimensions: [{ name: "QueueName", value: scaling.queueName }] },
                    },
                },
                {
                    id: "tasks",
                    returnData: false,
                    metricStat: {
                        stat: "Average",
                        metric: {
                            namespace: "ECS/ContainerInsights",
                            metricName: "RunningTaskCount",
                            dimensions: [
                                { name: "ClusterName", value: clusterName },
                                { name: "ServiceName", value: serviceName },
                            ],
                        },
                    },
                },
                { id: "backlogPerTask", label: "Visible messages per running task", expression: "IF(tasks > 0, visible / tasks, visible)", returnData: true },
            ],
        },
    };
}
