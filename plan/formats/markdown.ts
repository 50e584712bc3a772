/**
 * `--format markdown`: a pull-request comment. With `--from`, the stage move comes first (its verdict, then the
 * stateful resources). The first line of the plan itself is the summary (blocked or not, counts, monthly cost
 * and its delta against the base branch); then the violations and the cost tables; the rest in collapsible blocks;
 * the diagram as a mermaid block. A hidden marker lets the workflow find and update its one comment.
 */
import { renderTransitionMarkdown } from "../../transition/render";
import type { PlanDocument } from "../document";
import { counts, location, plural, resourceIndex, signedUsd, topCostLines, urnName, usd } from "./common";

/** The marker the PR workflow looks for to update the comment in place. */
export const COMMENT_MARKER = "<!-- runway-plan -->";
/** Cost lines shown in the table before the rest goes into a collapsible block. */
const COST_TABLE_LINES = 10;
/** GitHub refuses comments over 65,536 characters; keep well under. */
const MAX_COMMENT_CHARS = 60_000;

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function summaryLine(doc: PlanDocument): string {
    const c = counts(doc);
    const news = doc.baseline ? ` (${c.newMandatory} new)` : "";
    const newAdvisory = doc.baseline ? ` (${c.newAdvisory} new)` : "";
    const delta = doc.baseline ? ` (${signedUsd(doc.baseline.costDeltaUsd)} vs base)` : "";
    const head = doc.blocked ? "❌ **Runway plan: blocked**" : "✅ **Runway plan: not blocked**";
    return `${head} — ${plural(c.mandatory, "mandatory violation")}${news}, ${c.advisory} advisory${newAdvisory}, ${c.waived} waived, ${c.notEvaluated} not evaluated · **${usd(doc.cost.monthlyUsd)}/month**${delta}`;
}

function violationsTable(doc: PlanDocument): string[] {
    if (doc.violations.length === 0) return ["No active violations."];
    const byUrn = resourceIndex(doc);
    const rows = doc.violations.map((v) => {
        const where = v.urn ? location(byUrn.get(v.urn)) : "";
        const path = v.path && v.path.length ? `<br>path: ${v.path.map(urnName).join(" → ")}` : "";
        return `| ${v.level === "mandatory" ? "❌" : "⚠️"}${v.new ? " 🆕" : ""} | ${v.level} | ${v.severity} | \`${v.policy}\` | \`${cell(urnName(v.urn))}\` | ${where ? `\`${where}\`` : ""} | ${cell(v.message)}${path} |`;
    });
    return [`#### Violations (${doc.violations.length})`, "", "| | Level | Severity | Policy | Resource | Source | Message |", "|---|---|---|---|---|---|---|", ...rows];
}

function costTable(doc: PlanDocument): string[] {
    const c = doc.cost;
    const top = topCostLines(doc, COST_TABLE_LINES);
    const lines = [
        `#### Cost: ${usd(c.monthlyUsd)}/month (${c.region}${c.priceDate ? `, list prices of ${c.priceDate}` : ""})`,
        "",
        "| Resource | Type | $/month | Basis |",
        "|---|---|---:|---|",
        ...top.map((l) => `| \`${cell(urnName(l.urn))}\` | \`${l.type}\` | ${usd(l.monthlyUsd)}${l.range ? ` (${usd(l.range.minUsd)}..${usd(l.range.maxUsd)})` : ""} | ${cell(l.basis)} |`),
        `| **Total** | | **${usd(c.monthlyUsd)}** | ${c.lines.length > top.length ? `${c.lines.length - top.length} more lines below` : ""} |`,
    ];
    if (c.unpriced.length) lines.push("", `Unpriced: ${c.unpriced.map((t) => `\`${t}\``).join(", ")}`);
    for (const note of c.notes) lines.push("", `> ${cell(note)}`);
    return lines;
}

function details(summary: string, body: string[]): string[] {
    return ["", "<details>", `<summary>${summary}</summary>`, "", ...body, "", "</details>"];
}

function detailBlocks(doc: PlanDocument): string[] {
    const out: string[] = [];
    if (doc.waived.length) {
        out.push(...details(`Waived (${doc.waived.length})`, ["| Policy | Resource | Reason | Owner | Expires |", "|---|---|---|---|---|", ...doc.waived.map((w) => `| \`${w.policy}\` | \`${cell(urnName(w.urn))}\` | ${cell(w.reason)} | ${cell(w.owner)} | ${w.expires} |`)]));
    }
    if (doc.notEvaluated.length) {
        out.push(...details(`Not evaluated (${doc.notEvaluated.length}) — unknown, not clean`, ["| Policy | Resource | What could not be seen |", "|---|---|---|", ...doc.notEvaluated.map((n) => `| \`${n.policy}\` | \`${cell(urnName(n.urn))}\` | ${cell(n.property)} |`)]));
    }
    if (doc.cost.savings.length) {
        out.push(...details("Why this stage costs what it costs", doc.cost.savings.map((s) => `- **${cell(s.title)}**: ${usd(s.monthlyUsd)} instead of ${usd(s.comparedToUsd)} — ${cell(s.detail)}`)));
    }
    if (doc.cost.lines.length > COST_TABLE_LINES) {
        const all = [...doc.cost.lines].sort((a, b) => b.monthlyUsd - a.monthlyUsd);
        out.push(...details(`All cost lines (${all.length})`, ["| Resource | Type | $/month | Basis |", "|---|---|---:|---|", ...all.map((l) => `| \`${cell(urnName(l.urn))}\` | \`${l.type}\` | ${usd(l.monthlyUsd)} | ${cell(l.basis)} |`)]));
    }
    if (doc.baseline && (doc.baseline.added.length || doc.baseline.removed.length || doc.baseline.resolved.length)) {
        const b = doc.baseline;
        out.push(...details(`Changes vs base (+${b.addedResources} / −${b.removedResources} resources, ${b.resolvedViolations} violations resolved)`, [
            ...b.added.map((u) => `- ➕ \`${cell(u)}\``),
            ...b.removed.map((u) => `- ➖ \`${cell(u)}\``),
            ...b.resolved.map((v) => `- ✔️ resolved \`${v.policy}\` on \`${cell(urnName(v.urn))}\``),
        ]));
    }
    return out;
}

function resourcesBlock(doc: PlanDocument): string[] {
    return details(`Resources (${doc.resources.length})`, ["| Resource | Type | Source |", "|---|---|---|", ...doc.resources.map((r) => `| \`${cell(r.name)}\` | \`${r.type}\` | ${location(r) ? `\`${location(r)}\`` : ""} |`)]);
}

export function renderMarkdown(doc: PlanDocument): string {
    const move = doc.transition ? [renderTransitionMarkdown(doc.transition).trimEnd(), "", "---", ""] : [];
    const head = [...move, summaryLine(doc), "", `Stack \`${doc.stack}\` · stage \`${doc.stage}\` · program \`${doc.program}\` · ${doc.resources.length} resources · pack \`${doc.pack.name}@${doc.pack.version}\` · ${doc.preview ? "preview" : "update"} mode`, ""];
    const diagram = details("Diagram", ["```mermaid", doc.diagram, "```"]);
    const build = (withResources: boolean) =>
        [...head, ...violationsTable(doc), "", ...costTable(doc), ...detailBlocks(doc), ...(withResources ? resourcesBlock(doc) : []), ...diagram, "", COMMENT_MARKER, ""].join("\n");
    const full = build(true);
    return full.length <= MAX_COMMENT_CHARS ? full : build(false);
}
