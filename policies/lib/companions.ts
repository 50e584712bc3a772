/**
 * The pack-wide policies around the rules: `runway-settings` first in the list (records the pack-wide settings for
 * every later policy of the same request), `runway-waivers` and `runway-advisory` last (they report what the rules
 * left in the pack's ledgers for the same request, with the rule that found it named in each finding).
 */
import type { ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { Finding } from "../../model/finding";
import { countUp } from "../../model/multimap";
import { asRecord, UNKNOWN } from "../../model/values";
import { rawProps } from "./convert";
import { internalError } from "./disposition";
import { STACK_REQUEST } from "./ledger";
import type { PackScope } from "./pack-scope";
import { reportFinding } from "./report";
import { SETTINGS_SCHEMA, type PackSettings } from "./settings";
import { parseConfigWaivers, parseWaiverTag, MIN_REASON_LENGTH, WAIVER_TAG } from "./waivers";

export const SETTINGS_POLICY = "runway-settings";
export const WAIVERS_POLICY = "runway-waivers";
export const ADVISORY_POLICY = "runway-advisory";

/** A CrossGuard policy that is both a resource and a stack policy (the analyzer runs each part in its phase). */
export type DualPolicy = ResourceValidationPolicy & StackValidationPolicy;

function reportAll(findings: readonly Finding[], report: ReportViolation, urn?: string): void {
    for (const f of findings) {
        reportFinding(report, f, urn ?? f.urn);
    }
}

function settingsProblems(settings: PackSettings): Finding[] {
    return settings.problems.map((p) => ({ policy: SETTINGS_POLICY, status: "violation", message: p, severity: "low", remediation: "Fix the pack config (--policy-pack-config)." }));
}

/** First in the list: records the pack-wide settings for every later policy. Reports only bad settings. */
export function settingsPolicy(scope: PackScope): DualPolicy {
    return {
        name: SETTINGS_POLICY,
        description: "Pack-wide settings (stage, strictUnknowns, waivers, now) for every Runway policy; reports only invalid settings.",
        enforcementLevel: "advisory",
        severity: "low",
        tags: ["runway"],
        configSchema: { properties: { ...SETTINGS_SCHEMA } },
        validateResource: (args, _report) => {
            void _report;
            try {
                scope.settings.record(args.getConfig());
                // A new request for this resource: nothing left from an earlier one may be reported in it.
                scope.waived.collect(String(args.urn));
                scope.advisory.collect(String(args.urn));
            } catch {
                scope.settings.record({});
            }
        },
        validateStack: (args, report) => {
            try {
                scope.settings.record(args.getConfig());
                scope.waived.collect(STACK_REQUEST);
                scope.advisory.collect(STACK_REQUEST);
                reportAll(settingsProblems(scope.settings.resolve({})), report);
            } catch {
                scope.settings.record({});
            }
        },
    };
}

function waiverProblem(message: string, urn?: string): Finding {
    return {
        policy: WAIVERS_POLICY,
        status: "violation",
        urn,
        message,
        severity: "medium",
        remediation: `Fix the waiver: "<policy>: <reason of ${MIN_REASON_LENGTH}+ chars>; expires=YYYY-MM-DD; owner=<who>" (tag ${WAIVER_TAG}) or { policy, resource, reason, expires, owner } (pack config).`,
    };
}

/** Reports waived findings (advisory, with reason/expiry/owner) and every waiver problem. */
export function waiversPolicy(scope: PackScope): DualPolicy {
    return {
        name: WAIVERS_POLICY,
        description: "Waived findings (reported, never hidden) and malformed, expired or misdirected waivers.",
        enforcementLevel: "advisory",
        severity: "medium",
        tags: ["runway"],
        configSchema: { properties: { ...SETTINGS_SCHEMA } },
        validateResource: (args, report) => {
            const urn = String(args.urn);
            try {
                reportAll(scope.waived.collect(urn), report, urn);
                const props = rawProps(args.props);
                const tags = asRecord(props.tags);
                if (tags !== UNKNOWN && tags !== undefined && tags[WAIVER_TAG] !== undefined) {
                    const settings = scope.settings.resolve(args.getConfig());
                    for (const p of parseWaiverTag(tags[WAIVER_TAG], settings.now, scope.catalog).problems) {
                        reportFinding(report, waiverProblem(p, urn), urn);
                    }
                }
            } catch (err) {
                reportFinding(report, internalError(WAIVERS_POLICY, urn, err), urn);
            }
        },
        validateStack: (args, report) => {
            try {
                reportAll(scope.waived.collect(STACK_REQUEST), report);
                const settings = scope.settings.resolve(args.getConfig());
                const parsed = parseConfigWaivers(settings.waivers, settings.now, scope.catalog);
                for (const p of parsed.problems) {
                    reportFinding(report, waiverProblem(p));
                }
                // Only URNs and names are needed: read them without converting (or deserializing) any properties,
                // and count each once (not once per waiver: a long waiver list on a large stack is W × N).
                const named = new Map<string, number>();
                for (const r of parsed.waivers.length > 0 ? args.resources : []) {
                    const urn = String(r.urn);
                    const name = String(r.name);
                    countUp(named, urn);
                    if (name !== urn) countUp(named, name);
                }
                parsed.waivers.forEach((w) => {
                    const matches = named.get(w.resource ?? "") ?? 0;
                    if (matches === 0) {
                        reportFinding(report, waiverProblem(`config waiver for "${w.policy}" names resource "${w.resource}", which is not in this stack; it waives nothing`));
                    } else if (matches > 1) {
                        reportFinding(report, waiverProblem(`config waiver for "${w.policy}" names "${w.resource}", which is the logical name of ${matches} resources; it applies to each of them — use a URN to waive exactly one`));
                    }
                });
            } catch (err) {
                reportFinding(report, internalError(WAIVERS_POLICY, undefined, err));
            }
        },
    };
}

/** Reports findings that must be advisory whatever their policy's level (see `disposition.ts`). */
export function advisoryPolicy(scope: PackScope): DualPolicy {
    return {
        name: ADVISORY_POLICY,
        description: "Findings reported as advisory on behalf of another policy (named in each message): not evaluated in preview, advisory in this stage profile, internal errors.",
        enforcementLevel: "advisory",
        severity: "low",
        tags: ["runway"],
        validateResource: (args, report) => {
            reportAll(scope.advisory.collect(String(args.urn)), report, String(args.urn));
        },
        validateStack: (_args, report) => {
            void _args;
            reportAll(scope.advisory.collect(STACK_REQUEST), report);
        },
    };
}
