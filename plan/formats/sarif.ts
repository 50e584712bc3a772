/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning. One rule per policy with its metadata; result levels
 * from `levels.ts`; each result at the resource's source file and line; fingerprints stable across runs and
 * machines (policy + URN); waived findings carried as suppressed results; what could not be evaluated as notes.
 * With `--from`, the stage move adds two rules: a stateful resource deleted or replaced with no migration path is an
 * `error` result of `runway-stage-move-data-loss`; one with a migration path (snapshot restore, retained) a `note`
 * of `runway-stage-move-migration`, located where the program declares the resource.
 */
import { createHash } from "crypto";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import type { PlanDocument, PlanPolicy } from "../document";
import { frameworkLabel, isFrameworkControl } from "../../policies/lib/rule";
import { destructiveRows } from "../transition";
import { costHeadline, location, resourceIndex, urnName } from "./common";
import { SECURITY_SEVERITY, sarifLevel, type SarifLevel } from "./levels";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** The rule id of "this could not be checked" results. */
export const NOT_EVALUATED_RULE = "runway-not-evaluated";
const FINGERPRINT_KEY = "runwayFinding/v1";
/** Rule of a stateful resource the stage move would delete or replace with no migration path. */
export const DATA_LOSS_RULE = "runway-stage-move-data-loss";
/** Rule of a stateful resource the stage move deletes or replaces with a migration path. */
export const MIGRATION_RULE = "runway-stage-move-migration";

/** Stable across runs: only the policy and the URN. */
export function fingerprint(policy: string, urn: string | null): string {
    return createHash("sha256").update(`${policy}\u0000${urn ?? ""}`).digest("hex");
}

function ruleName(id: string): string {
    return id.replace(/(^|[-_:/ ])(\w)/g, (_, _sep: string, c: string) => c.toUpperCase()).replace(/\W/g, "");
}

/** A Runway rule's framework controls (`{ name, version?, control }` records) as SARIF lists them: `AWS FSBP RDS.2`. */
function frameworkLabels(metadata: Record<string, unknown>): Record<string, unknown> {
    return Array.isArray(metadata.frameworks) ? { frameworks: metadata.frameworks.map((f: unknown) => (isFrameworkControl(f) ? frameworkLabel(f) : f)) } : {};
}

function rule(policy: PlanPolicy): ReportingDescriptor {
    const tags = ["security", "infrastructure", "pulumi", policy.level, ...(Array.isArray(policy.metadata.topics) ? policy.metadata.topics.map(String) : [])];
    return {
        id: policy.name,
        name: ruleName(policy.name),
        shortDescription: { text: policy.description.split("\n")[0] || policy.name },
        fullDescription: { text: policy.description || policy.name },
        help: { text: `${policy.description}\nEnforcement: ${policy.level}; severity: ${policy.severity}. Waive one resource with a reason, owner and expiry if this is intended.` },
        defaultConfiguration: { level: sarifLevel(policy.level, policy.severity) },
        properties: { ...policy.metadata, ...frameworkLabels(policy.metadata), tags: [...new Set(tags)], "security-severity": SECURITY_SEVERITY[policy.severity], enforcementLevel: policy.level, severity: policy.severity },
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
    const rules: ReportingDescriptor[] = [...policies.values()].map(rule);
    rules.push({
        id: NOT_EVALUATED_RULE,
        name: "NotEvaluated",
        shortDescription: { text: "The offline plan could not check this resource" },
        fullDescription: { text: "A policy read a value unknown during preview, or a remote component hides its children: treat as unknown, not as clean." },
        help: { text: "Run the plan in update mode, or check the component's children another way." },
        defaultConfiguration: { level: "note" },
        properties: { tags: ["pulumi", "coverage"] },
    });
    if (doc.transition) {
        const move = `${doc.transition.from} → ${doc.transition.to}`;
        rules.push(
            {
                id: DATA_LOSS_RULE,
                name: "StageMoveDataLoss",
                shortDescription: { text: `The stage move ${move} deletes or replaces a data store with no migration path` },
                fullDescription: { text: "pulumi up would delete or replace a stateful resource (database, cache, bucket, key, log archive, registry, secret) and nothing carries its data over: no snapshot restore in the new stage, no retainOnDelete." },
                help: { text: "Follow the recipe named in the result (docs/growth.md): snapshot and restore with runway:dbSnapshotIdentifier, or keep the old resource side by side until cut-over." },
                defaultConfiguration: { level: "error" },
                properties: { tags: ["pulumi", "stage-move", "data-loss"], "security-severity": SECURITY_SEVERITY.high },
            },
            {
                id: MIGRATION_RULE,
                name: "StageMoveMigration",
                shortDescription: { text: `The stage move ${move} deletes or replaces a data store; its data is carried over` },
                fullDescription: { text: "A stateful resource is deleted or replaced, and a snapshot restore or retainOnDelete keeps its data: follow the recipe before pulumi up." },
                help: { text: "See the recipe named in the result (docs/growth.md)." },
                defaultConfiguration: { level: "note" },
                properties: { tags: ["pulumi", "stage-move"] },
            },
        );
    }
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const byUrn = resourceIndex(doc);
    const locate = (urn: string | null): Location[] => {
        const resource = urn ? byUrn.get(urn) : undefined;
        const file = resource?.source?.file ?? doc.program;
        const line = resource?.source?.line ?? 1;
        const physical = { physicalLocation: { artifactLocation: { uri: file, uriBaseId: "%SRCROOT%" }, region: { startLine: Math.max(1, line) } } };
        return urn ? [{ ...physical, logicalLocations: [{ fullyQualifiedName: urn, name: urnName(urn), kind: "resource" }] }] : [physical];
    };
    const base = (ruleId: string, level: SarifLevel, text: string, urn: string | null): Result => ({
        ruleId,
        ruleIndex: ruleIndex.get(ruleId) ?? 0,
        level,
        message: { text: urn ? `${text}\nResource: ${urn}${location(byUrn.get(urn)) ? ` (${location(byUrn.get(urn))})` : ""}` : text },
        locations: locate(urn),
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(ruleId, urn) },
        properties: { urn },
    });
    const results: Result[] = [
        ...doc.violations.map((v): Result => ({
            ...base(v.policy, sarifLevel(v.level, v.severity), v.message, v.urn),
            ...(v.new === undefined ? {} : { baselineState: v.new ? "new" : "unchanged" }),
            properties: { urn: v.urn, enforcementLevel: v.level, severity: v.severity, ...(v.path ? { path: v.path } : {}) },
        })),
        ...doc.waived.map((w): Result => ({
            ...base(w.policy, "note", `Waived: ${w.reason}`, w.urn),
            suppressions: [{ kind: "external", justification: w.reason, properties: { owner: w.owner, expires: w.expires } }],
        })),
        ...doc.notEvaluated.map((n): Result => ({
            ...base(NOT_EVALUATED_RULE, "note", `${n.policy === "*" ? "No policy" : `Policy ${n.policy}`} could not evaluate ${n.property}`, n.urn),
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(`${NOT_EVALUATED_RULE}/${n.policy}`, n.urn) },
        })),
    ];
    const moved = doc.transition ? destructiveRows(doc.transition) : { lost: [], migrated: [] };
    const flagged = [...moved.lost.map((r) => ({ r, rule: DATA_LOSS_RULE, level: "error" as const })), ...moved.migrated.map((r) => ({ r, rule: MIGRATION_RULE, level: "note" as const }))];
    const moveResults = flagged.map(({ r, rule, level }): Result => ({
        ruleId: rule,
        ruleIndex: ruleIndex.get(rule) ?? 0,
        level,
        message: { text: `${r.action} ${r.type} ${urnName(r.urn)}: ${r.reason}${r.recipe ? `\nRecipe: ${r.recipe.title} (${r.recipe.doc})` : ""}\nResource: ${r.urn}` },
        locations: [
            {
                physicalLocation: { artifactLocation: { uri: r.source?.file ?? doc.program, uriBaseId: "%SRCROOT%" }, region: { startLine: Math.max(1, r.source?.line ?? 1) } },
                logicalLocations: [{ fullyQualifiedName: r.urn, name: urnName(r.urn), kind: "resource" }],
            },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(`${rule}/${doc.transition?.from ?? ""}/${doc.transition?.to ?? ""}`, r.urn) },
        properties: { urn: r.urn, action: r.action, ...(r.migration ? { migration: r.migration } : {}), ...(r.recipe ? { recipe: r.recipe.doc } : {}) },
    }));
    results.push(...moveResults);
    const log: Log = {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "runway-plan", semanticVersion: doc.pack.version, informationUri: "https://www.pulumi.com/docs/using-pulumi/crossguard/", rules } },
                automationDetails: { id: `runway-plan/${doc.stack}/${doc.stage}/` },
                results,
                properties: {
                    stack: doc.stack,
                    stage: doc.stage,
                    program: doc.program,
                    blocked: doc.blocked,
                    monthlyUsd: doc.cost.monthlyUsd,
                    monthlyCost: costHeadline(doc.cost, "/month"),
                    costComplete: doc.cost.complete,
                    unpricedResources: doc.cost.unpricedResources.length,
                    ...(doc.transition ? { stageMove: { from: doc.transition.from, to: doc.transition.to, blocked: doc.transition.blocked } } : {}),
                },
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
