import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** Target tracking on the service's average CPU (the web service). */
export interface CpuScaling {
    kind: "cpu";
    /** Target average CPU (%). */
    targetPercent: number;
    /** Seconds between scale-in steps. */
    scaleInCooldown: number;
    /** Seconds between scale-out steps. */
    scaleOutCooldown: number;
}

/** Target tracking on queue backlog per running task (the worker). */
export interface QueueScaling {
    kind: "queue";
    /** Queue whose visible messages drive scaling. */
    queueName: pulumi.Input<string>;
    /** Backlog per task to aim for. */
    messagesPerTask: number;
    /** Seconds between scale-in steps. */
    scaleInCooldown: number;
    /** Seconds between scale-out steps. */
    scaleOutCooldown: number;
}

/** How a service scales. */
export type Scaling = CpuScaling | QueueScaling;

type TargetTracking = aws.types.input.appautoscaling.PolicyTargetTrackingScalingPolicyConfiguration;

/** The target-tracking configuration for `scaling` of service `serviceName` in `clusterName`. */
export function targetTracking(scaling: Scaling, clusterName: pulumi.Input<string>, serviceName: pulumi.Input<string>): TargetTracking {
    const cooldowns = { scaleInCooldown: scaling.scaleInCooldown, scaleOutCooldown: scaling.scaleOutCooldown };
    if (scaling.kind === "cpu") {
        return { ...cooldowns, targetValue: scaling.targetPercent, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } };
    }
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
