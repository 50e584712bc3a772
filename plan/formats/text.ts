/**
 * `--format text`: what a person reads in a terminal — with `--from`, the stage move first (stateful changes on
 * top); then the resource tree by component, violations grouped by
 * resource (level, severity, graph path), waivers, what could not be checked, the cost table and where the
 * diagram went.
 */
import { renderTransitionText } from "../../transition/render";
import type { PlanDocument, PlanResource, PlanViolation } from "../document";
import { counts, location, plural, resourceIndex, urnName, usd } from "./common";

/** Where the caller put the diagram (text reports do not print mermaid). */
export interface TextContext {
    diagramFile?: string;
}

function header(doc: PlanDocument): string[] {
    const c = counts(doc);
    const status = doc.blocked ? "BLOCKED" : "ok";
    const newPart = doc.baseline ? ` (${doc.baseline.newViolations} new vs baseline)` : "";
    return [
        `Runway plan — stack ${doc.stack}, stage ${doc.stage}, program ${doc.program} (${doc.preview ? "preview" : "update"} mode)`,
        `Policy pack ${doc.pack.name}@${doc.pack.version} (profile ${doc.pack.profile}): ${status} — ${plural(c.mandatory, "mandatory violation")}, ${c.advisory} advisory${newPart}, ${c.waived} waived, ${c.notEvaluated} not evaluated`,
        `Monthly cost: ${usd(doc.cost.monthlyUsd)}${doc.baseline ? ` (${doc.baseline.costDeltaUsd >= 0 ? "+" : ""}${usd(doc.baseline.costDeltaUsd)} vs baseline)` : ""}`,
    ];
}

function tree(doc: PlanDocument): string[] {
    const byUrn = resourceIndex(doc);
    const children = new Map<string | null, PlanResource[]>();
    for (const r of doc.resources) {
        const parent = r.parent !== null && byUrn.has(r.parent) ? r.parent : null;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const lines = [``, `Resources (${doc.resources.length})`];
    const walk = (parent: string | null, indent: string) => {
        for (const r of children.get(parent) ?? []) {
            const flags = [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : "", r.remote ? "remote: not checked, not priced" : "", r.aliases.length ? "aliased" : ""].filter(Boolean);
            const where = location(r);
            lines.push(`${indent}${r.custom || r.remote ? "-" : "+"} ${r.name}  ${r.type}${flags.length ? `  [${flags.join(", ")}]` : ""}${where ? `  ${where}` : ""}`);
            walk(r.urn, `${indent}    `);
        }
    };
    walk(null, "  ");
    return lines;
}

function violations(doc: PlanDocument): string[] {
    if (doc.violations.length === 0) {
        return ["", "Violations: none"];
    }
    const byUrn = resourceIndex(doc);
    const groups = new Map<string, PlanViolation[]>();
    for (const v of doc.violations) groups.set(v.urn ?? "", [...(groups.get(v.urn ?? "") ?? []), v]);
    const lines = ["", `Violations (${doc.violations.length})`];
    for (const [urn, list] of groups) {
        const r = byUrn.get(urn);
        lines.push(urn ? `  ${r?.type ?? ""} ${urnName(urn)}${location(r) ? `  (${location(r)})` : ""}` : "  stack-wide");
        for (const v of list) {
            const mark = v.level === "mandatory" ? "✖" : "!";
            lines.push(`    ${mark} ${v.level}/${v.severity}  ${v.policy}${v.new ? "  [new]" : ""}`);
            for (const line of v.message.split("\n")) lines.push(`        ${line}`);
            if (v.path && v.path.length > 0) lines.push(`        path: ${v.path.map(urnName).join(" → ")}`);
        }
    }
    return lines;
}

function waivers(doc: PlanDocument): string[] {
    if (doc.waived.length === 0) return [];
    return ["", `Waived (${doc.waived.length})`, ...doc.waived.map((w) => `  ${w.policy} on ${urnName(w.urn)} — ${w.reason} (owner ${w.owner || "?"}, expires ${w.expires || "?"})`)];
}

function notEvaluated(doc: PlanDocument): string[] {
    if (doc.notEvaluated.length === 0) return [];
    return [
        "",
        `Not evaluated (${doc.notEvaluated.length}) — the plan could not check these; treat them as unknown, not as clean`,
        ...doc.notEvaluated.map((n) => `  ${n.policy === "*" ? "all policies" : n.policy} on ${urnName(n.urn)}: ${n.property}`),
    ];
}

function cost(doc: PlanDocument): string[] {
    const c = doc.cost;
    const lines = ["", `Cost (${c.region}${c.priceDate ? `, list prices of ${c.priceDate}` : ""}, ${c.currency}/month)`];
    const sorted = [...c.lines].sort((a, b) => b.monthlyUsd - a.monthlyUsd);
    const width = Math.max(10, ...sorted.map((l) => usd(l.monthlyUsd).length));
    for (const l of sorted) {
        const range = l.range ? ` (range ${usd(l.range.minUsd)}..${usd(l.range.maxUsd)})` : "";
        lines.push(`  ${usd(l.monthlyUsd).padStart(width)}  ${urnName(l.urn)}  ${l.type}${range}  — ${l.basis}`);
    }
    lines.push(`  ${"-".repeat(width)}`, `  ${usd(c.monthlyUsd).padStart(width)}  total`);
    if (c.unpriced.length > 0) lines.push(`  unpriced types: ${c.unpriced.join(", ")}`);
    for (const note of c.notes) lines.push(`  note: ${note}`);
    if (c.savings.length > 0) {
        lines.push("", "Why this stage costs what it costs");
        for (const s of c.savings) lines.push(`  ${s.title}: ${usd(s.monthlyUsd)} instead of ${usd(s.comparedToUsd)} — ${s.detail}`);
    }
    return lines;
}

export function renderText(doc: PlanDocument, context: TextContext = {}): string {
    const diagram = context.diagramFile
        ? `Diagram: ${context.diagramFile} (mermaid; also in --format json and markdown)`
        : "Diagram: in --format json (diagram) and --format markdown";
    const move = doc.transition ? [renderTransitionText(doc.transition).trimEnd(), "", `${"-".repeat(20)} the ${doc.stage} stage after the move ${"-".repeat(20)}`, ""] : [];
    return [...move, ...header(doc), ...tree(doc), ...violations(doc), ...waivers(doc), ...notEvaluated(doc), ...cost(doc), "", diagram, ""].join("\n");
}
