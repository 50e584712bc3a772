/**
 * The plan document: what `npm run plan -- --format json` prints. Field names are a contract other tools read
 * (issue 11); new fields may be added, existing ones never renamed or removed.
 */
import type { EnforcementLevel, Severity } from "@pulumi/policy";
import type { PlanTransition } from "./transition";

/** Where the program declared a resource, relative to the repository (or program folder) so it is stable. */
export interface PlanSource {
    file: string;
    line: number;
}

/** One declared resource. */
export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    /** Parent URN, or null for resources directly under the stack. */
    parent: string | null;
    protect: boolean;
    retainOnDelete: boolean;
    aliases: string[];
    /** Null when the runtime could not tell where the resource was declared. */
    source: PlanSource | null;
    /** True for custom (cloud) resources, false for components. */
    custom: boolean;
    /** True for remote components (e.g. awsx) whose insides are invisible offline. */
    remote: boolean;
    /** URNs this resource depends on (explicit and through its inputs). */
    dependencies: string[];
}

/** An active policy finding (not waived). */
export interface PlanViolation {
    policy: string;
    level: EnforcementLevel;
    severity: Severity;
    /** Null for stack-wide findings. */
    urn: string | null;
    message: string;
    /** The property the finding is about, when the pack names it. */
    property?: string;
    /** For graph findings: the chain of resources (URNs) that makes the finding true. */
    path?: string[];
    /** With `--baseline`: true when the base branch's plan did not have this finding (policy + URN). */
    new?: boolean;
}

/** A finding suppressed by a waiver: always listed, never silent. */
export interface PlanWaiver {
    policy: string;
    urn: string | null;
    reason: string;
    expires: string;
    owner: string;
}

/** Something the plan could not check: a policy that read an unknown value, or a remote component's insides. */
export interface PlanNotEvaluated {
    policy: string;
    urn: string | null;
    property: string;
}

/** One priced resource. */
export interface PlanCostLine {
    urn: string;
    type: string;
    monthlyUsd: number;
    basis: string;
    /** For autoscaled resources: the monthly cost at the minimum and maximum. */
    range?: { minUsd: number; maxUsd: number };
    /** True when a usage-based part is priced at zero because no usage was given (`--usage none`). */
    needsUsage?: boolean;
}

/** One "why this stage costs what it costs" claim from the cost model. */
export interface PlanSaving {
    title: string;
    urn: string;
    monthlyUsd: number;
    comparedToUsd: number;
    detail: string;
}

/** A resource the cost model did not price: it is not in `monthlyUsd`, and every report says so next to the total. */
export interface PlanUnpricedResource {
    urn: string;
    type: string;
    /** Why: no pricer for the type, no price table for its region, a remote component... */
    reason: string;
}

/** What the stack costs per month at list price. */
export interface PlanCost {
    monthlyUsd: number;
    currency: "USD";
    region: string;
    /** Date of the price table. */
    priceDate: string;
    lines: PlanCostLine[];
    /** Resource types the model could not price (remote components always end up here). */
    unpriced: string[];
    savings: PlanSaving[];
    /** The total with every autoscaled line at its minimum and at its maximum. */
    monthlyRange: { minUsd: number; maxUsd: number };
    /** Why the figures are what they are when they are not complete (no cost model, remote components...). */
    notes: string[];
    /** `notes` less the one per unpriced resource (`unpricedResources` holds those): what reports print as notes. */
    assumptions: string[];
    /** True when every resource that can cost money is priced: `monthlyUsd` is then the whole bill. */
    complete: boolean;
    /** Each resource left out of `monthlyUsd` (remote components included), with why. */
    unpricedResources: PlanUnpricedResource[];
}

/** A policy of the pack, for SARIF rules and JUnit passing cases. */
export interface PlanPolicy {
    name: string;
    description: string;
    level: EnforcementLevel;
    severity: Severity;
    /** Extra metadata the pack carries (frameworks, topics, services...). */
    metadata: Record<string, unknown>;
}

/** The comparison against a base branch's plan (`--baseline`). */
export interface PlanBaseline {
    newViolations: number;
    resolvedViolations: number;
    addedResources: number;
    removedResources: number;
    costDeltaUsd: number;
    /** The file the baseline came from, as given. */
    file: string;
    resolved: { policy: string; urn: string | null }[];
    added: string[];
    removed: string[];
}

/** The whole plan. */
export interface PlanDocument {
    stack: string;
    stage: string;
    /** The program file, relative to the repository (or its folder when outside any repository). */
    program: string;
    resources: PlanResource[];
    violations: PlanViolation[];
    waived: PlanWaiver[];
    notEvaluated: PlanNotEvaluated[];
    cost: PlanCost;
    diagram: string;
    /** The policy pack that judged the stack (name@version), with its policies. */
    pack: { name: string; version: string; profile: string; policies: PlanPolicy[] };
    /** True when at least one active mandatory violation exists: `pulumi up` would be blocked. */
    blocked: boolean;
    /** True when the run modelled `pulumi preview` (unknown outputs). */
    preview: boolean;
    baseline?: PlanBaseline;
    /** With `--from`: the stage-move preview, `{ from, to, resources: [{ urn, type, action, stateful, reason, ... }] }`. */
    transition?: PlanTransition;
}
