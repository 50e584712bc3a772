import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** One CloudWatch metric alarm, as data. */
export interface AlarmSpec {
    /** Short name, unique within the component. */
    name: string;
    /** What firing means, for the person paged. */
    description: string;
    /** Metric namespace, e.g. `AWS/ApplicationELB`. */
    namespace: string;
    /** Metric name. */
    metricName: string;
    /** Metric dimensions. */
    dimensions: Record<string, pulumi.Input<string>>;
    /** Statistic (Sum, Average, Maximum) or an extended statistic such as p95. */
    statistic: string;
    /** Alarm when the statistic is above (GreaterThanThreshold) or at/above this value. */
    threshold: number;
    /** Comparison operator; default GreaterThanOrEqualToThreshold. */
    comparison?: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold";
    /** Period in seconds. */
    period: number;
    /** Consecutive periods breaching before the alarm fires. */
    evaluationPeriods: number;
}

/** Arguments of an alarm set. */
export interface AlarmsArgs {
    /** SNS topic notified on ALARM and OK. */
    topicArn: pulumi.Input<string>;
    /** The alarms. */
    alarms: AlarmSpec[];
}

/** A set of CloudWatch metric alarms notifying one SNS topic. */
export class Alarms extends pulumi.ComponentResource {
    /** Alarm ARNs by spec name. */
    readonly alarmArns: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: AlarmsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:observability:Alarms", name, {}, opts);
        this.alarmArns = {};
        for (const spec of args.alarms) {
            const percentile = /^p\d/.test(spec.statistic);
            const alarm = new aws.cloudwatch.MetricAlarm(
                `${name}-${spec.name}`,
                {
                    alarmDescription: spec.description,
                    namespace: spec.namespace,
                    metricName: spec.metricName,
                    dimensions: spec.dimensions,
                    ...(percentile ? { extendedStatistic: spec.statistic } : { statistic: spec.statistic }),
                    threshold: spec.threshold,
                    comparisonOperator: spec.comparison ?? "GreaterThanOrEqualToThreshold",
                    period: spec.period,
                    evaluationPeriods: spec.evaluationPeriods,
                    treatMissingData: "notBreaching",
                    alarmActions: [args.topicArn],
                    okActions: [args.topicArn],
                },
                child(this),
            );
            this.alarmArns[spec.name] = alarm.arn;
        }
        this.registerOutputs({ alarmArns: this.alarmArns });
    }
}
