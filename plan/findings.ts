/**
 * The one place the plan meets the policy pack: load Runway's pack (a module that does not start a server),
 * configure it for a stage profile, evaluate it in-process on a program run, and decode each diagnostic into a
 * finding — an active violation, a waived one, or a policy that could not be evaluated.
 *
 * The pack (`policies/pack.ts`, export `runwayPack`) is written by another engineer; until it exists this module
 * falls back to an empty pack and the report says nothing was judged. Diagnostics are decoded by the pack's own
 * `policies/lib/finding-format.ts`.
 */
import * as path from "path";
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import { evaluatePack, type PackConfig, type PolicyDiagnostic, type PolicyPackDefinition, type ProgramRun } from "../harness";
import type { PlanPolicy } from "./document";
import { decodeDiagnostic, type DecodedFinding } from "../policies/lib/finding-format";
import { isObject, requireIfPresent } from "./guards";
import { RUNWAY_ROOT } from "./paths";

/** A decoded diagnostic (the shape of `policies/lib/finding-format.ts`). */
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
    policies: PlanPolicy[];
    /** False when Runway's pack module is not there (yet): nothing was judged. */
    available: boolean;
}

const PACK_MODULE = path.join(RUNWAY_ROOT, "policies", "pack");
const PACK_EXPORT = "runwayPack";
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

function isPackDefinition(value: unknown): value is PolicyPackDefinition {
    return isObject(value) && typeof value.name === "string" && typeof value.version === "string" && Array.isArray(value.policies);
}

function describePolicies(pack: PolicyPackDefinition): PlanPolicy[] {
    return pack.policies.map((policy) => {
        const record: Record<string, unknown> = { ...policy };
        const metadata = isObject(record.metadata) ? record.metadata : {};
        return {
            name: policy.name,
            description: policy.description,
            level: asLevel(policy.enforcementLevel ?? pack.enforcementLevel, "advisory"),
            severity: asSeverity(policy.severity),
            metadata,
        };
    });
}

/** A pack definition as the plan uses it. */
export function loadPack(definition: PolicyPackDefinition): LoadedPack {
    return { definition, policies: describePolicies(definition), available: true };
}

/** Loads Runway's policy pack, or an empty stand-in when it does not exist yet. */
export function loadRunwayPack(): LoadedPack {
    const loaded = requireIfPresent(PACK_MODULE);
    const candidate = loaded?.[PACK_EXPORT];
    if (isPackDefinition(candidate)) {
        return loadPack(candidate);
    }
    return { definition: { name: "runway", version: "0.0.0", policies: [] }, policies: [], available: false };
}

/** Pack config for a stage profile: every policy whose config schema has a `stage` property gets the profile. */
export function packConfigFor(pack: PolicyPackDefinition, profile: string): PackConfig {
    const config: PackConfig = {};
    for (const policy of pack.policies) {
        const schema: unknown = policy.configSchema;
        if (isObject(schema) && isObject(schema.properties) && "stage" in schema.properties) {
            config[policy.name] = { stage: profile };
        }
    }
    return config;
}

/** Decodes one diagnostic with the pack's own decoder (structured findings), best-effort for other packs. */
export function toFinding(d: PolicyDiagnostic): Finding {
    const decoded: DecodedFinding = decodeDiagnostic(d);
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

/** Evaluates the pack on a run, for a stage profile, and decodes what it said. */
export async function judge(run: ProgramRun, pack: LoadedPack, profile: string): Promise<Finding[]> {
    if (pack.definition.policies.length === 0) {
        return [];
    }
    const diagnostics = await evaluatePack(run, pack.definition, { config: packConfigFor(pack.definition, profile) });
    return diagnostics.map(toFinding);
}
