/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule per policy with its metadata; result levels
 * from `levels.ts`; each result at the resource's source file and line; fingerprints stable across runs and
 * machines (policy + URN); waived findings carried as suppressed results; what could not be evaluated as notes.
 */
import { createHash } from "crypto";
import type { PlanDocument, PlanPolicy } from "../document";
import { location, resourceIndex, urnName } from "./common";
import { SECURITY_SEVERITY, sarifLevel, type SarifLevel } from "./levels";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** The rule id of "this could not be checked" results. */
export const NOT_EVALUATED_RULE = "runway-not-evaluated";
const FINGERPRINT_KEY = "runwayFinding/v1";

interface SarifRule {
    id: string;
    name: string;
    shortDescription: { text: string };
    fullDescription: { text: string };
    help: { text: string };
    defaultConfiguration: { level: SarifLevel };
    properties: Record<string, unknown>;
}

/** Stable across runs: only the policy and the URN. */
export function fingerprint(policy: string, urn: string | null): string {
    return createHash("sha256").update(`${policy}\u0000${urn ?? ""}`).digest("hex");
}

function ruleName(id: string): string {
    return id.replace(/(^|[-_:/ ])(\w)/g, (_, _sep: string, c: string) => c.toUpperCase()).replace(/\W/g, "");
}

function rule(policy: PlanPolicy): SarifRule {
    const tags = ["security", "infrastructure", "pulumi", policy.level, ...(Array.isArray(policy.metadata.topics) ? policy.metadata.topics.map(String) : [])];
    return {
        id: policy.name,
        name: ruleName(policy.name),
        shortDescription: { text: policy.description.split("\n")[0] || policy.name },
        fullDescription: { text: policy.description || policy.name },
        help: { text: `${policy.description}\nEnforcement: ${policy.level}; severity: ${policy.severity}. Waive one resource with a reason, owner and expiry if this is intended.` },
        defaultConfiguration: { level: sarifLevel(policy.level, policy.severity) },
        properties: { ...policy.metadata, tags: [...new Set(tags)], "security-severity": SECURITY_SEVERITY[policy.severity], enforcementLevel: policy.level, severity: policy.severity },
    };
}

export function renderSarif(doc: PlanDocument): string {
    const policies = new Map(doc.pack.policies.map((p) => [p.name, p]));
    // Findings of policies the pack did not list (should not happen) still get a rule.
    for (const v of doc.violations) {
        if (!policies.has(v.policy)) policies.set(v.policy, { name: v.policy, description: v.policy, level: v.level, severity: v.severity, metadata: {} });
    }
    for (const w of doc.waived) {
        if (!policies.has(w.policy)) policies.set(w.policy, { name: w.policy, description: w.policy, level: "advisory", severity: "medium", metadata: {} });
    }
    const rules = [...policies.values()].map(rule);
    rules.push({
        id: NOT_EVALUATED_RULE,
        name: "NotEvaluated",
        shortDescription: { text: "The offline plan could not check this resource" },
        fullDescription: { text: "A policy read a value unknown during preview, or a remote component hides its children: treat as unknown, not as clean." },
        help: { text: "Run the plan in update mode, or check the component's children another way." },
        defaultConfiguration: { level: "note" },
        properties: { tags: ["pulumi", "coverage"] },
    });
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const byUrn = resourceIndex(doc);
    const locate = (urn: string | null) => {
        const resource = urn ? byUrn.get(urn) : undefined;
        const file = resource?.source?.file ?? doc.program;
        const line = resource?.source?.line ?? 1;
        const physical = { physicalLocation: { artifactLocation: { uri: file, uriBaseId: "%SRCROOT%" }, region: { startLine: Math.max(1, line) } } };
        return urn ? [{ ...physical, logicalLocations: [{ fullyQualifiedName: urn, name: urnName(urn), kind: "resource" }] }] : [physical];
    };
    const base = (ruleId: string, level: SarifLevel, text: string, urn: string | null) => ({
        ruleId,
        ruleIndex: ruleIndex.get(ruleId) ?? 0,
        level,
        message: { text: urn ? `${text}\nResource: ${urn}${location(byUrn.get(urn)) ? ` (${location(byUrn.get(urn))})` : ""}` : text },
        locations: locate(urn),
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(ruleId, urn) },
        properties: { urn },
    });
    const results = [
        ...doc.violations.map((v) => ({
            ...base(v.policy, sarifLevel(v.level, v.severity), v.message, v.urn),
            ...(v.new === undefined ? {} : { baselineState: v.new ? "new" : "unchanged" }),
            properties: { urn: v.urn, enforcementLevel: v.level, severity: v.severity, ...(v.path ? { path: v.path } : {}) },
        })),
        ...doc.waived.map((w) => ({
            ...base(w.policy, "note", `Waived: ${w.reason}`, w.urn),
            suppressions: [{ kind: "external", justification: w.reason, properties: { owner: w.owner, expires: w.expires } }],
        })),
        ...doc.notEvaluated.map((n) => ({
            ...base(NOT_EVALUATED_RULE, "note" as SarifLevel, `${n.policy === "*" ? "No policy" : `Policy ${n.policy}`} could not evaluate ${n.property}`, n.urn),
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(`${NOT_EVALUATED_RULE}/${n.policy}`, n.urn) },
        })),
    ];
    const log = {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "runway-plan", semanticVersion: doc.pack.version, informationUri: "https://www.pulumi.com/docs/using-pulumi/crossguard/", rules } },
                automationDetails: { id: `runway-plan/${doc.stack}/${doc.stage}/` },
                results,
                properties: { stack: doc.stack, stage: doc.stage, program: doc.program, blocked: doc.blocked, monthlyUsd: doc.cost.monthlyUsd },
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
