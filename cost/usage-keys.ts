/**
 * The usage assumptions the cost model knows. Their default values and descriptions live in
 * `data/usage-by-type.json` (by resource type, for any program); `data/usage-<stage>.json` and a user's
 * `--usage <file>` override them. A key is `<family>.<quantity>`; every usage file may only use these keys.
 */
export const USAGE_KEYS = [
    "internetEgress.gbOutPerMonth",
    "ebsSnapshot.gbStored",
    "alb.avgLcu",
    "nlb.avgNlcu",
    "nat.gbProcessedPerMonth",
    "vpcEndpoint.gbProcessedPerMonth",
    "ecs.avgTaskFraction",
    "ecs.avgTasks",
    "asg.avgInstanceFraction",
    "schedule.hoursOnPerMonth",
    "rds.backupGbBeyondFree",
    "aurora.avgAcu",
    "aurora.gbStored",
    "aurora.ioMillionsPerMonth",
    "aurora.backupGbBeyondFree",
    "s3.gbStored",
    "s3.putRequests1kPerMonth",
    "s3.getRequests1kPerMonth",
    "s3.objectLifetimeDays",
    "cloudfront.gbOutPerMonth",
    "cloudfront.httpsRequests10kPerMonth",
    "cloudfront.functionInvocationsMillionsPerMonth",
    "sqs.requestsMillionsPerMonth",
    "sns.publishesMillionsPerMonth",
    "kms.requests10kPerMonth",
    "secretsManager.apiCalls10kPerMonth",
    "waf.requestsMillionsPerMonth",
    "logs.gbIngestedPerMonth",
    "logs.storedCompressionRatio",
    "flowLogs.gbPerMonth",
    "ecr.gbStored",
    "cloudtrail.dataEvents100kPerMonth",
    "cloudtrail.managementEvents100kPerMonth",
    "guardduty.cloudTrailEventsMillionsPerMonth",
    "guardduty.flowDnsLogGbPerMonth",
    "guardduty.s3DataEventsMillionsPerMonth",
    "securityHub.checksPerMonth",
    "backup.warmGbStored",
    "backup.crossRegionCopyGbPerMonth",
    "route53.queriesMillionsPerMonth",
    "lambda.requestsMillionsPerMonth",
    "lambda.avgDurationMs",
    "apiGateway.requestsMillionsPerMonth",
    "dynamodb.writeMillionsPerMonth",
    "dynamodb.readMillionsPerMonth",
    "dynamodb.gbStored",
    "efs.gbStored",
    "kinesis.gbInPerMonth",
    "kinesis.putPayloadUnitsMillionsPerMonth",
    "stepFunctions.transitionsMillionsPerMonth",
    "stepFunctions.requestsMillionsPerMonth",
] as const;

/** One usage assumption's key. */
export type UsageKey = (typeof USAGE_KEYS)[number];

/** Keys whose value may be `null`, meaning "not set: derive it" (e.g. average tasks from the fraction). */
export const NULLABLE_USAGE_KEYS: ReadonlySet<UsageKey> = new Set<UsageKey>(["ecs.avgTasks"]);

/** True when `key` is a known usage key. */
export function isUsageKey(key: string): key is UsageKey {
    return (USAGE_KEYS as readonly string[]).includes(key);
}

/**
 * The largest usage quantity the model takes (a quadrillion GB, requests or hours a month): anything bigger is a
 * typo or a placeholder such as 1e308, whose price would be infinite — bad input, never an `∞` or `null` total.
 */
export const MAX_USAGE_VALUE = 1e15;

/** A usage quantity the model can price: finite, not negative, at most `MAX_USAGE_VALUE`. */
export function plausibleUsage(value: number): boolean {
    return Number.isFinite(value) && value >= 0 && value <= MAX_USAGE_VALUE;
}
