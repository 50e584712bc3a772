/**
 * What a Runway policy is before it becomes a CrossGuard policy: metadata (pulumi/compliance-policies style:
 * severity, frameworks, remediation steps, config schema) and a check that returns findings. `policy.ts`
 * turns a rule into a CrossGuard policy that never throws, honours waivers, stages and unknowns.
 */
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import type { Graph } from "../../model/graph";
import type { StackResource } from "../../model/resource";
import type { PackSettings, Stage } from "./settings";

/** One control of a compliance framework, e.g. AWS FSBP `RDS.2` or CIS AWS 3.0 `5.2`. */
export interface FrameworkControl {
    /** The framework: `AWS FSBP`, `CIS AWS`, `AWS Well-Architected`. */
    readonly name: string;
    /** The framework's version, when its control ids depend on it (CIS AWS: `1.4`, `3.0`). */
    readonly version?: string;
    /** The control's id in that framework (and version): `RDS.2`, `5.2`, `REL07-BP01`. */
    readonly control: string;
}

/** A control as one string, as tags, SARIF and the README show it: `AWS FSBP RDS.2`, `CIS AWS 3.0 5.2`. */
export function frameworkLabel(f: FrameworkControl): string {
    return f.version === undefined ? `${f.name} ${f.control}` : `${f.name} ${f.version} ${f.control}`;
}

/** Whether a value read back from metadata (plan documents, other packs) is a framework control record. */
export function isFrameworkControl(value: unknown): value is FrameworkControl {
    return typeof value === "object" && value !== null && "name" in value && typeof value.name === "string" && "control" in value && typeof value.control === "string" && (!("version" in value) || value.version === undefined || typeof value.version === "string");
}

export interface RuleMeta {
    /** Unique, kebab-case. */
    name: string;
    /** One sentence: what must hold. */
    description: string;
    severity: Severity;
    /** Default level; every level can be changed with pack config. */
    enforcementLevel: EnforcementLevel;
    /** The framework controls it implements, one record each (`rules/frameworks.ts` names the frameworks and their sources). */
    frameworks: readonly FrameworkControl[];
    /** What to do about a violation (added to every message unless a finding says something more precise). */
    remediationSteps: string;
    /** The service area, for the README table and tags. */
    topic: string;
    /** Never waivable: a waiver for it is rejected and reported. */
    neverWaivable?: boolean;
    /** Mandatory only in these stage profiles; elsewhere its findings are reported as advisory. */
    mandatoryIn?: Stage[];
    /** Policy-specific config (defaults in `default`); pack-wide settings are added automatically. */
    options?: Record<string, PolicyConfigJSONSchema>;
}

/** What a check found. */
export interface RuleFinding {
    /** The resource it is about (stack-wide findings: the stack resource, when there is one). */
    resource?: StackResource;
    message: string;
    /** Default `violation`; `notEvaluated` when the verdict depends on a value unknown in preview. */
    status?: "violation" | "notEvaluated";
    /** For `notEvaluated`: the property that is unknown. */
    property?: string;
    /** The hops that make it a finding. */
    path?: string[];
    /** A more precise remediation than the policy's default. */
    remediation?: string;
}

export interface RuleContext {
    graph: Graph;
    settings: PackSettings;
    /** The policy's own options, defaults applied. */
    options: Record<string, unknown>;
    /** The stage profile that applies to a resource. */
    stage(r: StackResource | undefined): Stage;
}

export interface ResourceRule extends RuleMeta {
    kind: "resource";
    /** Resource types it applies to. */
    types: readonly string[];
    /** Checks one resource's inputs (`Analyze`). */
    check(r: StackResource, ctx: RuleContext): RuleFinding[];
    /** A safe, obvious fix: returns the fixed inputs, or undefined when there is nothing to fix. */
    remediate?(props: Record<string, unknown>, r: StackResource): Record<string, unknown> | undefined;
}

export interface StackRule extends RuleMeta {
    kind: "stack";
    /** Checks the whole stack's outputs (`AnalyzeStack`) through the graph. */
    check(ctx: RuleContext): RuleFinding[];
}

export type Rule = ResourceRule | StackRule;

/** Shorthand for a finding about `r`. */
export function finding(r: StackResource | undefined, message: string, extra: Omit<RuleFinding, "resource" | "message"> = {}): RuleFinding {
    return { resource: r, message, ...extra };
}

/** A "not evaluated" finding naming the unknown property. */
export function notEvaluated(r: StackResource | undefined, property: string, why: string): RuleFinding {
    return { resource: r, status: "notEvaluated", property, message: `${why}: \`${property}\` is unknown until apply, so this could not be checked` };
}
