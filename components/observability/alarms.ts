import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** One CloudWatch metric alarm, as data. */
export interface AlarmSpec {
    /** Short name, unique within the component. */
    readonly name: string;
    /** What firing means, for the person paged. */
    readonly description: string;
    /** Metric namespace, e.g. `AWS/ApplicationELB`. */
    readonly namespace: string;
    /** Metric name. */
    readonly metricName: string;
    /** Metric dimensions. */
    readonly dimensions: Record<string, pulumi.Input<string>>;
    /** Statistic (Sum, Average, Maximum) or an extended statistic such as p95. */
    readonly statistic: string;
    /** Alarm when the statistic compares to this value as `comparison` says (Runway's values: `ALARM_THRESHOLDS`). */
    readonly threshold: number;
    /**
     * Comparison operator.
     * @default `DEFAULT_COMPARISON` (`GreaterThanOrEqualToThreshold`)
     */
    readonly comparison?: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold" | "LessThanThreshold";
    /**
     * Period in seconds.
     * @default `ALARM_THRESHOLDS.periodSeconds` (300) in Runway's alarm specs
     */
    readonly period: number;
    /**
     * Consecutive periods breaching before the alarm fires.
     * @default `ALARM_THRESHOLDS.evaluationPeriods` (2) in Runway's alarm specs
     */
    readonly evaluationPeriods: number;
}

/** Comparison of an alarm whose spec names none: at or above the threshold. */
export const DEFAULT_COMPARISON = "GreaterThanOrEqualToThreshold";

/** Arguments of an alarm set. */
export interface AlarmsArgs {
    /** SNS topic notified on ALARM and OK. */
    readonly topicArn: pulumi.Input<string>;
    /** The alarms. */
    readonly alarms: AlarmSpec[];
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
                    comparisonOperator: spec.comparison ?? DEFAULT_COMPARISON,
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
