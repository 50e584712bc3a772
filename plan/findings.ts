/**
 * The one place the plan meets the policy pack: load Runway's pack (`policies/pack.ts`, a module that does not start
 * a server), configure it for a stage profile and the user's `--policy-pack-config`, evaluate it in-process on a
 * program run, and read each diagnostic as a finding — an active violation, a waived one, or a policy that could not
 * be evaluated. Runway's policies hand their findings over as values (`model/finding.ts`); other packs' diagnostics
 * are decoded from their text (`model/finding-format.ts`).
 */
import * as path from "path";
import type { EnforcementLevel, Policy, Severity } from "@pulumi/policy";
import { STAGES } from "../config/defaults";
import { evaluatePack, type PackConfig, type PolicyDiagnostic, type PolicyPackDefinition, type ProgramRun } from "../harness";
import type { PlanPolicy } from "./document";
import { decodeDiagnostic } from "../model/finding-format";
import type { DecodedFinding } from "../model/finding";
import type { Rule } from "../policies/lib/rule";
import { isObject } from "./guards";
import { RUNWAY_ROOT } from "./paths";

/** A finding as the plan reports it. */
export interface Finding {
    policy: string;
    level: EnforcementLevel;
    severity: Severity;
    urn?: string;
    message: string;
    status: "violation" | "waived" | "notEvaluated";
    property?: string;
    path?: string[];
    waiver?: { reason: string; expires: string; owner: string };
}

/** The pack as the plan uses it. */
export interface LoadedPack {
    definition: PolicyPackDefinition;
    /** What reports list (SARIF rules, JUnit passing cases): every rule of a Runway pack, else every policy. */
    policies: PlanPolicy[];
}

const PACK_MODULE = path.join(RUNWAY_ROOT, "policies", "pack");
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];
const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];
const DEFAULT_SEVERITY: Severity = "medium";

function asLevel(value: unknown, fallback: EnforcementLevel): EnforcementLevel {
    const level = LEVELS.find((l) => l === value) ?? fallback;
    return level === "remediate" ? "mandatory" : level;
}

function asSeverity(value: unknown): Severity {
    return SEVERITIES.find((s) => s === value) ?? DEFAULT_SEVERITY;
}

/** The properties of a policy's config schema. */
function configKeys(policy: Policy): string[] {
    const schema: unknown = policy.configSchema;
    return isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : [];
}

/** A plain CrossGuard policy: its level, severity and whatever metadata it carries (tags, framework, remediation). */
function describePolicy(policy: Policy, pack: PolicyPackDefinition): PlanPolicy {
    const record: Record<string, unknown> = { ...policy };
    const metadata: Record<string, unknown> = isObject(record.metadata) ? { ...record.metadata } : {};
    for (const key of ["tags", "framework", "remediationSteps"]) {
        if (record[key] !== undefined) metadata[key] = record[key];
    }
    return {
        name: policy.name,
        description: policy.description,
        level: asLevel(policy.enforcementLevel ?? pack.enforcementLevel, "advisory"),
        severity: asSeverity(policy.severity),
        metadata,
    };
}

/** A Runway rule with its metadata (frameworks, topic, remediation, where it is mandatory, which policy runs it). */
function describeRule(rule: Rule, runBy: string): PlanPolicy {
    const metadata: Record<string, unknown> = {
        frameworks: rule.frameworks,
        topics: [rule.topic],
        remediationSteps: rule.remediationSteps,
        kind: rule.kind === "stack" ? "graph" : "resource",
        policy: runBy,
    };
    if (rule.neverWaivable) metadata.neverWaivable = true;
    if (rule.mandatoryIn) metadata.mandatoryIn = rule.mandatoryIn;
    return { name: rule.name, description: rule.description, level: asLevel(rule.enforcementLevel, "advisory"), severity: rule.severity, metadata };
}

/**
 * What reports list: each rule (a resource rule is the CrossGuard policy of the same name; graph rules run inside
 * one stack policy, e.g. `runway-graph`) and then every policy that is not a rule (the pack's companions). A pack
 * without rules (anyone else's) lists its policies.
 */
function describePack(definition: PolicyPackDefinition, rules: readonly Rule[]): PlanPolicy[] {
    const ruleNames = new Set(rules.map((r) => r.name));
    // A graph rule's level and options are keys of the config schema of the stack policy that runs it.
    const runner = (rule: Rule) => (rule.kind === "resource" ? rule.name : (definition.policies.find((p) => configKeys(p).includes(rule.name))?.name ?? definition.name));
    const companions = definition.policies.filter((p) => !ruleNames.has(p.name));
    return [...rules.map((r) => describeRule(r, runner(r))), ...companions.map((p) => describePolicy(p, definition))];
}

/** A pack definition as the plan uses it; `rules` are the Runway rules behind its policies, when it has any. */
export function loadPack(definition: PolicyPackDefinition, rules: readonly Rule[] = []): LoadedPack {
    return { definition, policies: describePack(definition, rules) };
}

/** Loads Runway's policy pack (required on first use: a plan that fails on its arguments never pays for it). */
export function loadRunwayPack(): LoadedPack {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { runwayPack, rules } = require(PACK_MODULE) as typeof import("../policies/pack");
    return loadPack(runwayPack, rules);
}

/** True for the stages the pack knows; the plan's `strict` profile is the pack's own default, so it sets none. */
export function isPackStage(profile: string): boolean {
    return (STAGES as readonly string[]).includes(profile);
}

/**
 * The pack config of a plan: the user's `--policy-pack-config` document with the stage profile added to every policy
 * whose config schema has `stage`. The user's entries win: a level becomes `{ enforcementLevel, stage }`, an object
 * entry gets the profile's `stage` unless it sets its own. The `strict` profile sets no stage (the pack's default for
 * a program it does not know is already the strict one).
 */
export function packConfigFor(pack: PolicyPackDefinition, profile: string, user: PackConfig = {}): PackConfig {
    const config: PackConfig = { ...user };
    if (!isPackStage(profile)) {
        return config;
    }
    for (const policy of pack.policies.filter((p) => configKeys(p).includes("stage"))) {
        const entry = user[policy.name];
        if (entry === undefined) {
            config[policy.name] = { stage: profile };
        } else if (typeof entry === "string") {
            config[policy.name] = { enforcementLevel: entry, stage: profile };
        } else if (entry.stage === undefined) {
            config[policy.name] = { ...entry, stage: profile };
        }
    }
    return config;
}

/**
 * One diagnostic as a plan finding: from the finding the policy handed over as a value (Runway's pack, in-process),
 * else decoded from its text (best-effort for other packs).
 */
export function toFinding(d: PolicyDiagnostic): Finding {
    // A finding handed over as a value names its own resource (none for a stack-wide one, which the engine then
    // attributes to the stack).
    const decoded: DecodedFinding = d.finding ? { ...d.finding, level: asLevel(d.enforcementLevel, "advisory") } : decodeDiagnostic(d);
    const finding: Finding = {
        policy: decoded.policy,
        level: asLevel(decoded.level, "advisory"),
        severity: asSeverity(decoded.severity ?? d.severity),
        message: decoded.remediation ? `${decoded.message}\nRemediation: ${decoded.remediation}` : decoded.message,
        status: decoded.status,
    };
    if (decoded.urn) finding.urn = decoded.urn;
    if (decoded.property) finding.property = decoded.property;
    if (decoded.path) finding.path = decoded.path;
    if (decoded.waiver) finding.waiver = decoded.waiver;
    return finding;
}

/** Evaluates the pack on a run, for a stage profile and the user's pack config, and decodes what it said. */
export async function judge(run: ProgramRun, pack: LoadedPack, profile: string, userConfig: PackConfig = {}): Promise<Finding[]> {
    const diagnostics = await evaluatePack(run, pack.definition, { config: packConfigFor(pack.definition, profile, userConfig) });
    return diagnostics.map(toFinding);
}
