import type * as pulumi from "@pulumi/pulumi";
import { ALARM_THRESHOLDS as THRESHOLD } from "../../config/defaults";
import type { AlarmSpec } from "./alarms";

/** What the platform alarms watch. */
export interface PlatformAlarmTargets {
    /** ALB `LoadBalancer` dimension. */
    readonly loadBalancer: pulumi.Input<string>;
    /** ALB `TargetGroup` dimension. */
    readonly targetGroup: pulumi.Input<string>;
    /** ECS cluster name. */
    readonly clusterName: pulumi.Input<string>;
    /** Web service name. */
    readonly webServiceName: pulumi.Input<string>;
    /** Database dimension name and value. */
    readonly database: { readonly dimension: string; readonly identifier: pulumi.Input<string> };
    /** Job queue name. */
    readonly queueName: pulumi.Input<string>;
}

const every = { period: THRESHOLD.periodSeconds, evaluationPeriods: THRESHOLD.evaluationPeriods };

/** Alarms on 5xx, latency, web CPU, database connections and queue age. */
export function platformAlarmSpecs(t: PlatformAlarmTargets): AlarmSpec[] {
    return [
        { name: "alb-5xx", description: "Tasks answer with 5xx", namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: { LoadBalancer: t.loadBalancer, TargetGroup: t.targetGroup }, statistic: "Sum", threshold: THRESHOLD.target5xxPer5Min, ...every },
        { name: "latency-p95", description: "p95 response time is high", namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", dimensions: { LoadBalancer: t.loadBalancer, TargetGroup: t.targetGroup }, statistic: "p95", threshold: THRESHOLD.latencyP95Seconds, ...every },
        { name: "web-cpu", description: "Web tasks run hot even after scaling", namespace: "AWS/ECS", metricName: "CPUUtilization", dimensions: { ClusterName: t.clusterName, ServiceName: t.webServiceName }, statistic: "Average", threshold: THRESHOLD.cpuPercent, ...every },
        { name: "db-connections", description: "Database connections near the limit", namespace: "AWS/RDS", metricName: "DatabaseConnections", dimensions: { [t.database.dimension]: t.database.identifier }, statistic: "Maximum", threshold: THRESHOLD.dbConnections, ...every },
        { name: "queue-age", description: "Jobs wait too long in the queue", namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", dimensions: { QueueName: t.queueName }, statistic: "Maximum", threshold: THRESHOLD.queueAgeSeconds, ...every },
    ];
}

/** zero: the instance failed a status check, or runs hot. */
export function instanceAlarmSpecs(instanceId: pulumi.Input<string>): AlarmSpec[] {
    return [
        { name: "status-check", description: "Instance or system status check failed", namespace: "AWS/EC2", metricName: "StatusCheckFailed", dimensions: { InstanceId: instanceId }, statistic: "Maximum", threshold: 1, ...every },
        { name: "cpu", description: "Instance CPU is high", namespace: "AWS/EC2", metricName: "CPUUtilization", dimensions: { InstanceId: instanceId }, statistic: "Average", threshold: THRESHOLD.cpuPercent, ...every },
    ];
}
