/** CloudWatch log groups, alarms, dashboards, metric filters, and VPC flow logs. */
import type { StackResource } from "../../model/resource";
import { free, type Pricer, type PricingContext } from "../context";
import { qty, usd } from "../format";
import { num, records, str } from "../props";

const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
/** Months of storage counted for log groups that never expire. */
const NEVER_EXPIRE_MONTHS = 12;

/** The flow log that delivers into `group`, if any. */
function flowLogInto(ctx: PricingContext, group: StackResource): StackResource | undefined {
    return ctx.graph.referencing(group, [FLOW_LOG], { logDestination: ["arn"], logGroupName: ["name"] })[0];
}

const logGroup: Pricer = (r, ctx) => {
    const flow = flowLogInto(ctx, r);
    const infrequent = str(r.props, "logGroupClass") === "INFREQUENT_ACCESS";
    const reading = flow !== undefined ? ctx.use("flowLogs.gbPerMonth", flow) : ctx.use("logs.gbIngestedPerMonth", r);
    const ingestPrice = flow !== undefined
        ? ctx.prices.usd("cloudwatch", "logs.vendedToCloudWatchGb")
        : ctx.prices.usd("cloudwatch", infrequent ? "logs.ingestGbInfrequentAccess" : "logs.ingestGb");
    const line = ctx.line().usage(reading, ingestPrice, "GB", flow !== undefined ? `flow log ingestion (${flow.name})` : "ingestion");
    const retention = num(r.props, "retentionInDays") ?? 0;
    const months = retention > 0 ? Math.min(retention, 3653) / (ctx.hours / 24) : NEVER_EXPIRE_MONTHS;
    const ratio = ctx.use("logs.storedCompressionRatio", r);
    const storagePrice = ctx.prices.usd("cloudwatch", "logs.storageGbMonth");
    if (reading.none || ratio.none) {
        line.usageAmount(0, "storage: 0 (usage: none)", true);
    } else {
        const storedGb = reading.value * months * ratio.value;
        line.usageAmount(
            storedGb * storagePrice,
            `storage: ${qty(reading.value)} GB/mo × ${qty(months)} months kept${retention > 0 ? ` (${retention} days retention)` : " (never expires: 12 months counted)"} × ${qty(ratio.value)} compressed (${ratio.label}) × ${usd(storagePrice)}/GB-mo`,
            false,
        );
    }
    return line.build();
};

/** Metrics an alarm watches: one, or each metric (not expression) in its metric queries. */
function alarmMetrics(props: Record<string, unknown>): { count: number; anomaly: boolean } {
    const queries = records(props, "metricQueries");
    if (queries.length === 0) return { count: 1, anomaly: false };
    const anomaly = queries.some((q) => (str(q, "expression") ?? "").includes("ANOMALY_DETECTION_BAND"));
    const metrics = queries.filter((q) => q.metric !== undefined).length;
    return { count: Math.max(metrics, 1) * (anomaly ? 3 : 1), anomaly };
}

const metricAlarm: Pricer = (r, ctx) => {
    const period = num(r.props, "period");
    const high = period !== undefined && period < 60;
    const price = ctx.prices.usd("cloudwatch", high ? "alarm.highResolutionMonth" : "alarm.standardMonth");
    const metrics = alarmMetrics(r.props);
    return ctx
        .line()
        .fixed(metrics.count * price, `${qty(metrics.count)} alarm metric${metrics.count === 1 ? "" : "s"}${metrics.anomaly ? " (anomaly detection: 3 per metric)" : ""} × ${usd(price)}/mo (${high ? "high resolution" : "standard resolution"})`)
        .build();
};

const compositeAlarm: Pricer = (r, ctx) => {
    const price = ctx.prices.usd("cloudwatch", "alarm.compositeMonth");
    return ctx.line().fixed(price, `1 composite alarm × ${usd(price)}/mo`).build();
};

const dashboard: Pricer = (r, ctx) => {
    const price = ctx.prices.usd("cloudwatch", "dashboard.month");
    return ctx.line().fixed(price, `1 dashboard × ${usd(price)}/mo`).build();
};

const metricFilter: Pricer = (r, ctx) => {
    const price = ctx.prices.usd("cloudwatch", "metric.customMonth");
    const metrics = Math.max(records(r.props, "metricTransformation").length, 1);
    return ctx.line().fixed(metrics * price, `${qty(metrics)} custom metric × ${usd(price)}/mo`).build();
};

const flowLog: Pricer = (r, ctx) => {
    const destination = str(r.props, "logDestinationType") ?? "cloud-watch-logs";
    if (destination === "cloud-watch-logs") {
        const group = ctx.graph.ofType(LOG_GROUP).find((g) => flowLogInto(ctx, g)?.urn === r.urn);
        if (group !== undefined) {
            return { monthlyUsd: 0, basis: `delivery priced as ingestion on log group ${group.name}`, usageBased: true };
        }
        return ctx.line().usage(ctx.use("flowLogs.gbPerMonth", r), ctx.prices.usd("cloudwatch", "logs.vendedToCloudWatchGb"), "GB", "vended logs to CloudWatch").build();
    }
    if (destination === "s3") {
        return ctx.line().usage(ctx.use("flowLogs.gbPerMonth", r), ctx.prices.usd("cloudwatch", "logs.vendedToS3Gb"), "GB", "vended logs to S3 (storage priced on the bucket)").build();
    }
    return { unpriced: `flow logs to ${destination} are not modelled` };
};

export const observabilityPricers: Record<string, Pricer> = {
    [LOG_GROUP]: logGroup,
    "aws:cloudwatch/metricAlarm:MetricAlarm": metricAlarm,
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": compositeAlarm,
    "aws:cloudwatch/dashboard:Dashboard": dashboard,
    "aws:cloudwatch/logMetricFilter:LogMetricFilter": metricFilter,
    [FLOW_LOG]: flowLog,
    "aws:cloudwatch/logStream:LogStream": () => free("storage priced on its log group"),
};
