/**
 * The growth stages and the architecture's numbers that are not stack config. Every config key's default, range and
 * description lives in `schema.ts`.
 */

/** The three growth stages, smallest first. */
export const STAGES = ["zero", "hero", "enterprise"] as const;

/** A growth stage. */
export type Stage = (typeof STAGES)[number];

/** Alarm thresholds (enterprise platform alarms and zero's instance alarms). */
export const ALARM_THRESHOLDS = {
    /** ALB target 5xx responses per 5 minutes. */
    target5xxPer5Min: 10,
    /** p95 target response time (s). */
    latencyP95Seconds: 1,
    /** Average CPU of a service or instance (%). */
    cpuPercent: 85,
    /** Database connections. */
    dbConnections: 200,
    /** Age of the oldest queued message (s). */
    queueAgeSeconds: 900,
    /** Evaluation period (s) and periods that must breach. */
    periodSeconds: 300,
    evaluationPeriods: 2,
} as const;

/** Object Lock retention of the CloudTrail bucket (days). */
export const TRAIL_RETENTION_DAYS = 365;
