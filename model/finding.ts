/**
 * A policy finding as a value: what a rule found, and how it was disposed of (reported, waived, not evaluated).
 * Policies, the plan's reports and the engine tier share this one shape; `./finding-format` is its text form for
 * CrossGuard's string-only `reportViolation`.
 */

export type FindingStatus = "violation" | "waived" | "notEvaluated";
export type FindingLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type FindingSeverity = "low" | "medium" | "high" | "critical";

export interface WaiverNote {
    reason: string;
    expires: string;
    owner: string;
}

/** What a policy found, before it is turned into a message. */
export interface Finding {
    /** The policy that found it (also when another policy reports it on its behalf). */
    policy: string;
    status: FindingStatus;
    /** The resource; absent for stack-wide findings. */
    urn?: string;
    /** What is wrong, in one sentence. */
    message: string;
    /** What to do about it. */
    remediation?: string;
    /** The policy's own severity. */
    severity?: FindingSeverity;
    /** For `notEvaluated`: the property whose value was unknown. */
    property?: string;
    /** For graph findings: the hops that make it a finding, first to last. */
    path?: string[];
    /** For `waived`: the waiver that applies. */
    waiver?: WaiverNote;
}

/** A finding read back from a diagnostic. */
export interface DecodedFinding {
    policy: string;
    level: FindingLevel;
    severity?: FindingSeverity;
    urn?: string;
    message: string;
    status: FindingStatus;
    property?: string;
    path?: string[];
    waiver?: WaiverNote;
    remediation?: string;
}

/** Takes a finding as a value, with the URN it is about. */
export type FindingSink = (finding: Finding, urn?: string) => void;

/**
 * The key under which an in-process evaluator's `reportViolation` offers a `FindingSink`. CrossGuard's own server
 * passes a plain function (no sink): then the finding is encoded as text (`encodeFinding`). A registered symbol, so
 * the compiled pack (`policies/bin`) and the TypeScript sources agree on it.
 */
export const FINDING_SINK: unique symbol = Symbol.for("runway.finding-sink");

/** A CrossGuard `reportViolation` that may also take findings as values. */
export interface FindingReporter {
    (message: string, urn?: string): void;
    [FINDING_SINK]?: FindingSink;
}
