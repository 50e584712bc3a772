/**
 * The CrossGuard boundary: a finding leaves the pack through `reportViolation`. An in-process evaluator offers a
 * `FindingSink` on its reporter and receives the finding as a value; CrossGuard's own server passes a plain function,
 * which receives the finding's text form (`encodeFinding`). Only here is a finding turned into text.
 */
import type { ReportViolation } from "@pulumi/policy";
import { FINDING_SINK, type Finding, type FindingReporter } from "../../model/finding";
import { encodeFinding } from "../../model/finding-format";

/** Reports `finding` about `urn` (its own URN unless given) through `report`. */
export function reportFinding(report: ReportViolation, finding: Finding, urn: string | undefined = finding.urn): void {
    const sink = (report as FindingReporter)[FINDING_SINK];
    if (sink !== undefined) {
        sink(finding, urn);
    } else {
        report(encodeFinding(finding), urn);
    }
}
