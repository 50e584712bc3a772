/**
 * `--baseline <plan.json>`: compares this plan with the base branch's. A violation is new when the base plan has
 * no violation of the same policy on the same URN; resources are added or removed by URN.
 */
import * as fs from "fs";
import * as path from "path";
import type { PlanBaseline, PlanDocument } from "./document";
import { BadInput } from "./errors";
import { isObject } from "./guards";

/** What the plan needs from a base plan. */
export interface BasePlan {
    file: string;
    violationKeys: Set<string>;
    violations: { policy: string; urn: string | null }[];
    resourceUrns: Set<string>;
    monthlyUsd: number;
    /** The base plan's stack, program and project (from its URNs), when it names them. */
    identity: PlanIdentity;
}

/** What makes two plans comparable: the same stack of the same project, run from the same program. */
interface PlanIdentity {
    stack?: string;
    program?: string;
    project?: string;
}

/** The project a plan's URNs name (`urn:pulumi:<stack>::<project>::...`). */
function projectOf(urns: readonly string[]): string | undefined {
    return urns.map((u) => /^urn:pulumi:[^:]+::([^:]+)::/.exec(u)?.[1]).find((p) => p !== undefined);
}

function describe(identity: PlanIdentity): string {
    return `stack ${identity.stack ?? "?"} of project ${identity.project ?? "?"} (program ${identity.program ?? "?"})`;
}

/**
 * Refuses a base plan of another stack, program or project: its violations would all be "new" and its cost delta
 * meaningless. A base plan that names none of them (an empty stand-in a workflow writes when the base branch
 * cannot be planned) is accepted.
 */
function checkSamePlan(doc: PlanDocument, base: BasePlan): void {
    const current: PlanIdentity = { stack: doc.stack, program: doc.program, project: projectOf(doc.resources.map((r) => r.urn)) };
    const differs = (["stack", "program", "project"] as const).filter((k) => base.identity[k] !== undefined && current[k] !== undefined && base.identity[k] !== current[k]);
    if (differs.length > 0) {
        throw new BadInput(`--baseline ${base.file} is a plan of ${describe(base.identity)}, this one of ${describe(current)}: a baseline must be the same stack and program planned on the base branch (different ${differs.join(", ")})`);
    }
}

function key(policy: string, urn: string | null): string {
    return `${policy}\u0000${urn ?? ""}`;
}

/** Reads and checks a base plan (`--format json` output). */
export function loadBaseline(file: string): BasePlan {
    const resolved = path.resolve(file);
    if (!fs.existsSync(resolved)) {
        throw new BadInput(`--baseline ${file}: no such file (save one with --format json --out <file> on the base branch)`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(resolved, "utf8"));
    } catch (err) {
        throw new BadInput(`--baseline ${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    if (!isObject(parsed) || !Array.isArray(parsed.violations) || !Array.isArray(parsed.resources) || !isObject(parsed.cost)) {
        throw new BadInput(`--baseline ${file}: not a plan (expected the output of --format json with violations, resources and cost)`);
    }
    const violations = parsed.violations.filter(isObject).map((v) => ({ policy: String(v.policy), urn: typeof v.urn === "string" ? v.urn : null }));
    const urns = parsed.resources.filter(isObject).map((r) => String(r.urn));
    const monthly = parsed.cost.monthlyUsd;
    return {
        file,
        violationKeys: new Set(violations.map((v) => key(v.policy, v.urn))),
        violations,
        resourceUrns: new Set(urns),
        monthlyUsd: typeof monthly === "number" ? monthly : 0,
        identity: {
            stack: typeof parsed.stack === "string" ? parsed.stack : undefined,
            program: typeof parsed.program === "string" ? parsed.program : undefined,
            project: projectOf(urns),
        },
    };
}

/** Marks each violation new or not and adds the `baseline` summary; a base plan of another stack or program is `BadInput`. */
export function applyBaseline(doc: PlanDocument, base: BasePlan): PlanDocument {
    checkSamePlan(doc, base);
    const violations = doc.violations.map((v) => ({ ...v, new: !base.violationKeys.has(key(v.policy, v.urn)) }));
    const current = new Set(doc.violations.map((v) => key(v.policy, v.urn)));
    const resolved = base.violations.filter((v) => !current.has(key(v.policy, v.urn)));
    const urns = new Set(doc.resources.map((r) => r.urn));
    const added = doc.resources.map((r) => r.urn).filter((u) => !base.resourceUrns.has(u));
    const removed = [...base.resourceUrns].filter((u) => !urns.has(u));
    const baseline: PlanBaseline = {
        newViolations: violations.filter((v) => v.new).length,
        resolvedViolations: resolved.length,
        addedResources: added.length,
        removedResources: removed.length,
        costDeltaUsd: Math.round((doc.cost.monthlyUsd - base.monthlyUsd) * 100) / 100,
        file: base.file,
        resolved,
        added,
        removed,
    };
    return { ...doc, violations, baseline };
}
