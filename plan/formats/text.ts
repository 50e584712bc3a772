/**
 * `--format text`: what a person reads in a terminal. With `--from`, the stage move first (stateful changes on top).
 * Then the verdict and the violations grouped by resource (level, severity, explanation, graph path), waivers, what
 * could not be checked; the cost lines that cost money as a table (amount, name, type and basis), the total (and
 * what it leaves out), the free resources as one count by type; then the resource tree by component, siblings of one
 * type on one line; and where the diagram went.
 */
import type { PlanDocument, PlanResource, PlanViolation } from "../document";
import { collapseNames, costHeadline, costLineKinds, counts, countByType, location, plural, resourceIndex, signedUsd, urnName, usd, wrap } from "./common";
import { textTable, type TextTableLayout } from "./text-table";
import { renderTransitionText } from "./transition";

/** Where the caller put the diagram (text reports do not print mermaid). */
export interface TextContext {
    diagramFile?: string;
}

/** Siblings of one type (and the same flags) shown as one tree line from this many on. */
const GROUP_SIBLINGS = 3;
/** Names a grouped tree line shows. */
const GROUP_NAMES = 6;

function header(doc: PlanDocument): string[] {
    const c = counts(doc);
    const status = doc.blocked ? "BLOCKED" : "ok";
    const newPart = doc.baseline ? ` (${doc.baseline.newViolations} new vs baseline)` : "";
    return [
        `Runway plan — stack ${doc.stack}, stage ${doc.stage}, program ${doc.program} (${doc.preview ? "preview" : "update"} mode)`,
        `Policy pack ${doc.pack.name}@${doc.pack.version} (profile ${doc.pack.profile}): ${status} — ${plural(c.mandatory, "mandatory violation")}, ${c.advisory} advisory${newPart}, ${c.waived} waived, ${c.notEvaluated} not evaluated`,
        `Monthly cost: ${costHeadline(doc.cost)}${doc.baseline ? ` (${signedUsd(doc.baseline.costDeltaUsd)} vs baseline)` : ""}`,
    ];
}

/** `[protect, retain]`: the flags worth a reader's attention (`aliased` only in a stage move, where it means something). */
function flags(r: PlanResource, aliases: boolean): string {
    const list = [r.protect ? "protect" : "", r.retainOnDelete ? "retain" : "", r.remote ? "remote: not checked, not priced" : "", aliases && r.aliases.length ? "aliased" : ""].filter(Boolean);
    return list.length ? `  [${list.join(", ")}]` : "";
}

function tree(doc: PlanDocument): string[] {
    const byUrn = resourceIndex(doc);
    const children = new Map<string | null, PlanResource[]>();
    for (const r of doc.resources) {
        const parent = r.parent !== null && byUrn.has(r.parent) ? r.parent : null;
        children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    const aliases = doc.transition !== undefined;
    const lines = [``, `Resources (${doc.resources.length})`];
    const walk = (parent: string | null, indent: string) => {
        const siblings = children.get(parent) ?? [];
        const groupOf = (r: PlanResource) => (children.has(r.urn) ? r.urn : `${r.type}${flags(r, aliases)}`);
        const groups = new Map<string, PlanResource[]>();
        for (const r of siblings) {
            const key = groupOf(r);
            groups.set(key, [...(groups.get(key) ?? []), r]);
        }
        for (const group of groups.values()) {
            const [r] = group;
            const places = [...new Set(group.map(location))];
            const where = places.length === 1 && places[0] ? `  ${places[0]}` : "";
            const mark = r.custom || r.remote ? "-" : "+";
            if (group.length >= GROUP_SIBLINGS) {
                lines.push(`${indent}${mark} ${group.length} × ${r.type}${flags(r, aliases)}  ${collapseNames(group.map((x) => x.name), GROUP_NAMES)}${where}`);
                continue;
            }
            for (const x of group) {
                const at = location(x);
                lines.push(`${indent}${mark} ${x.name}  ${x.type}${flags(x, aliases)}${at ? `  ${at}` : ""}`);
                walk(x.urn, `${indent}    `);
            }
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

/** Width the free-resource counts are wrapped to. */
const WRAP = 120;
/** Names a line of resources at $0.00 until usage is given shows. */
const NAMES = 20;
/** The least width of the rule above the total. */
const RULE = 10;
/** The paid cost lines: amount, name, then type and basis. */
const COST_TABLE: TextTableLayout = { align: ["right", "left", "left"], gap: "  ", indent: "  " };

function cost(doc: PlanDocument): string[] {
    const c = doc.cost;
    const lines = ["", `Cost (${c.region}${c.priceDate ? `, list prices of ${c.priceDate}` : ""}, ${c.currency}/month)`];
    const { paid, needUsage, free } = costLineKinds(c);
    const total = usd(c.monthlyUsd);
    const rows = paid.map((l) => [usd(l.monthlyUsd), urnName(l.urn), `${l.type}${l.range ? ` (range ${usd(l.range.minUsd)}..${usd(l.range.maxUsd)})` : ""}  — ${l.basis}`]);
    const rule = "-".repeat(Math.max(RULE, total.length, ...rows.map(([amount]) => amount.length)));
    lines.push(...textTable([...rows, [rule, "", ""], [total, "total", ""]], COST_TABLE));
    if (c.unpricedResources.length > 0) {
        lines.push(`  + ${plural(c.unpricedResources.length, "resource")} not priced (not in the total):`);
        for (const u of c.unpricedResources) lines.push(`      ${urnName(u.urn)}  ${u.type}  — ${u.reason}`);
    }
    if (needUsage.length > 0) {
        lines.push(...wrap(`  ${plural(needUsage.length, "resource")} at $0.00 until usage is given: ${collapseNames(needUsage.map((l) => urnName(l.urn)), NAMES)}`, WRAP, "      "));
    }
    if (free.length > 0) lines.push(...wrap(`  ${free.length} free resources: ${countByType(free.map((l) => l.type))}`, WRAP, "      "));
    for (const note of c.assumptions) lines.push(`  note: ${note}`);
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
    return [...move, ...header(doc), ...violations(doc), ...waivers(doc), ...notEvaluated(doc), ...cost(doc), ...tree(doc), "", diagram, ""].join("\n");
}
