/**
 * Assembles the plan document from what the program declared, what the pack said and what the cost model priced.
 * Everything the plan could not see is listed (remote components, policies that read unknown values): never a
 * silent clean bill of health.
 */
import type { DeclaredResource, ProgramRun } from "../harness";
import { drawDiagram } from "./diagram";
import type { PlanCost, PlanDocument, PlanNotEvaluated, PlanResource, PlanViolation, PlanWaiver } from "./document";
import type { Finding, LoadedPack } from "./findings";
import { relativePath } from "./paths";
import type { PlanTarget } from "./target";

/** The `property` of a remote component's `notEvaluated` entry. */
export const REMOTE_CHILDREN = "children (remote component: created by a plugin, invisible offline — not checked, not priced)";

function isShown(r: DeclaredResource): boolean {
    return !r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:pulumi:Stack";
}

function toPlanResource(r: DeclaredResource, root: string): PlanResource {
    const deps = new Set(r.dependencies);
    for (const urns of Object.values(r.propertyDependencies)) urns.forEach((u) => deps.add(u));
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent ?? null,
        protect: r.protect,
        retainOnDelete: r.retainOnDelete,
        aliases: [...new Set(r.aliases)],
        source: r.source ? { file: relativePath(root, r.source.file), line: r.source.line } : null,
        custom: r.custom,
        remote: r.remote,
        dependencies: [...deps].filter((d) => d !== r.urn),
    };
}

/** Sorts findings so reports are stable: mandatory first, then severity, policy, URN. */
const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
function byImportance(a: PlanViolation, b: PlanViolation): number {
    return (
        (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1) ||
        (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) ||
        a.policy.localeCompare(b.policy) ||
        (a.urn ?? "").localeCompare(b.urn ?? "")
    );
}

/** Splits findings into the three lists of the document. */
export function sortFindings(findings: Finding[]): { violations: PlanViolation[]; waived: PlanWaiver[]; notEvaluated: PlanNotEvaluated[] } {
    const violations: PlanViolation[] = [];
    const waived: PlanWaiver[] = [];
    const notEvaluated: PlanNotEvaluated[] = [];
    for (const f of findings) {
        const urn = f.urn ?? null;
        if (f.status === "waived") {
            waived.push({ policy: f.policy, urn, reason: f.waiver?.reason ?? "", expires: f.waiver?.expires ?? "", owner: f.waiver?.owner ?? "" });
        } else if (f.status === "notEvaluated") {
            notEvaluated.push({ policy: f.policy, urn, property: f.property ?? "an unknown value" });
        } else if (f.level !== "disabled") {
            const v: PlanViolation = { policy: f.policy, level: f.level, severity: f.severity, urn, message: f.message };
            if (f.property) v.property = f.property;
            if (f.path) v.path = f.path;
            violations.push(v);
        }
    }
    return { violations: violations.sort(byImportance), waived, notEvaluated };
}

/** Builds the whole document. */
export function buildDocument(target: PlanTarget, run: ProgramRun, pack: LoadedPack, findings: Finding[], cost: PlanCost): PlanDocument {
    const resources = run.resources.filter(isShown).map((r) => toPlanResource(r, target.root));
    const { violations, waived, notEvaluated } = sortFindings(findings);
    for (const r of resources.filter((x) => x.remote)) {
        notEvaluated.push({ policy: "*", urn: r.urn, property: REMOTE_CHILDREN });
    }
    return {
        stack: target.stack,
        stage: target.stage,
        program: target.programLabel,
        resources,
        violations,
        waived,
        notEvaluated,
        cost,
        diagram: drawDiagram(resources),
        pack: { name: pack.definition.name, version: pack.definition.version, profile: target.profile, policies: pack.policies },
        blocked: violations.some((v) => v.level === "mandatory"),
        preview: run.preview,
    };
}
