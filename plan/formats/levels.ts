/**
 * How a finding's enforcement level and severity map onto report levels. Not everything is an error: only a
 * mandatory finding of high or critical severity is; advisory findings never are.
 *
 *   level \ severity | critical | high    | medium  | low
 *   mandatory        | error    | error   | warning | warning
 *   advisory         | warning  | warning | note    | note
 */
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { Result } from "sarif";

/** The SARIF result levels a finding maps onto (never `none`). */
export type SarifLevel = Exclude<Result.level, "none">;

export function sarifLevel(level: EnforcementLevel, severity: Severity): SarifLevel {
    const serious = severity === "critical" || severity === "high";
    if (level === "mandatory") return serious ? "error" : "warning";
    return serious ? "warning" : "note";
}

/** GitHub code scanning's `security-severity` score (0..10) by severity. */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
