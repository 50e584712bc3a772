/**
 * `--format markdown`: a pull-request comment, kept under GitHub's 65,536-character limit however big the stack.
 * With `--from`, the stage move comes first (its verdict, then the stateful resources). The first line of the plan
 * itself is the summary (blocked or not, counts, monthly cost — saying what it leaves out — and its delta against the
 * base branch); then the mandatory violations, the cost, the move's other changes, and the rest in collapsible blocks;
 * the diagram as a mermaid block. A hidden marker lets the workflow find and update its one comment.
 *
 * The comment is budgeted in that order: what does not fit is cut row by row ("… N more") or left out with one line
 * saying so. The JSON plan is the artifact with everything; it is never cut.
 */
import type { PlanDocument, PlanViolation } from "../document";
import { costHeadline, costLineKinds, counts, countByType, location, plural, resourceIndex, signedUsd, urnName, usd } from "./common";
import { renderTransitionMarkdownHead, renderTransitionMarkdownRest } from "./transition";

/** The marker the PR workflow looks for to update the comment in place. */
export const COMMENT_MARKER = "<!-- runway-plan -->";
/** Cost lines shown in the table before the rest goes into a collapsible block. */
const COST_TABLE_LINES = 10;
/**
 * GitHub refuses comments over 65,536 characters. The content is budgeted to this; the lines saying what was cut
 * (one per block at most) take from the margin above it.
 */
const BUDGET = 60_000;
/** Rows a table or list shows at most, so that one long list does not crowd out the blocks after it. */
const TABLE_ROWS = 50;
/** Where everything that was cut is. */
const FULL_PLAN = "see the full plan (`--format json`)";

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

export function summaryLine(doc: PlanDocument): string {
    const c = counts(doc);
    const news = doc.baseline ? ` (${c.newMandatory} new)` : "";
    const newAdvisory = doc.baseline ? ` (${c.newAdvisory} new)` : "";
    const delta = doc.baseline ? ` (${signedUsd(doc.baseline.costDeltaUsd)} vs base)` : "";
    const head = doc.blocked ? "❌ **Runway plan: blocked**" : "✅ **Runway plan: not blocked**";
    return `${head} — ${plural(c.mandatory, "mandatory violation")}${news}, ${c.advisory} advisory${newAdvisory}, ${c.waived} waived, ${c.notEvaluated} not evaluated · **${costHeadline(doc.cost, "/month")}**${delta}`;
}

/** One part of the comment. */
interface Block {
    /** Shown whole, never cut: the move's verdict, the summary, the total, the marker. */
    essential?: boolean;
    head: string[];
    /** Cut from the end when the comment is short of room, or past `TABLE_ROWS`; a line then says how many were left out. */
    rows?: string[];
    end?: string[];
    /** What the comment says instead when the block does not fit at all. */
    stub?: string;
}

function size(lines: readonly string[]): number {
    return lines.reduce((n, l) => n + l.length + 1, 0);
}

function whole(b: Block): string[] {
    return [...b.head, ...(b.rows ?? []), ...(b.end ?? [])];
}

/** The blocks in order, each as much as the budget leaves room for (essential blocks are counted first). */
function fit(blocks: Block[]): string[] {
    let left = BUDGET - blocks.filter((b) => b.essential).reduce((n, b) => n + size(whole(b)) + 1, 0);
    const parts: string[][] = [];
    for (const b of blocks) {
        if (b.essential) {
            parts.push(whole(b));
            continue;
        }
        const rows = b.rows ?? [];
        let room = left - size(b.head) - size(b.end ?? []) - 1;
        const limit = Math.min(rows.length, TABLE_ROWS);
        let shown = 0;
        while (shown < limit && room >= rows[shown].length + 1) room -= rows[shown++].length + 1;
        if (room < 0 || (rows.length > 0 && shown === 0)) {
            if (b.stub) parts.push([b.stub]);
            continue;
        }
        left = room;
        const cut = shown < rows.length ? ["", `_… ${(rows.length - shown).toLocaleString("en-US")} more: ${FULL_PLAN}._`] : [];
        parts.push([...b.head, ...rows.slice(0, shown), ...cut, ...(b.end ?? [])]);
    }
    return parts.flatMap((part, i) => (i === 0 ? part : ["", ...part]));
}

function details(summary: string, head: string[], rows: string[]): Block {
    return { head: ["<details>", `<summary>${summary}</summary>`, "", ...head], rows, end: ["", "</details>"], stub: `_${summary}: left out to stay under GitHub's comment limit; ${FULL_PLAN}._` };
}

const VIOLATION_HEADER = ["| | Level | Severity | Policy | Resource | Source | Message |", "|---|---|---|---|---|---|---|"];

function violationRows(doc: PlanDocument, list: PlanViolation[]): string[] {
    const byUrn = resourceIndex(doc);
    return list.map((v) => {
        const where = v.urn ? location(byUrn.get(v.urn)) : "";
        const path = v.path && v.path.length ? `<br>path: ${v.path.map(urnName).join(" → ")}` : "";
        return `| ${v.level === "mandatory" ? "❌" : "⚠️"}${v.new ? " 🆕" : ""} | ${v.level} | ${v.severity} | \`${v.policy}\` | \`${cell(urnName(v.urn))}\` | ${where ? `\`${where}\`` : ""} | ${cell(v.message)}${path} |`;
    });
}

/** Violations new against the baseline first, the rest after, each in their order. */
function newFirst(list: readonly PlanViolation[]): PlanViolation[] {
    return [...list.filter((v) => v.new === true), ...list.filter((v) => v.new !== true)];
}

/** Mandatory violations, new ones first: what blocks the merge. */
function mandatoryBlock(doc: PlanDocument): Block {
    const mandatory = doc.violations.filter((v) => v.level === "mandatory");
    if (doc.violations.length === 0) return { essential: true, head: ["No active violations."] };
    if (mandatory.length === 0) return { essential: true, head: [`No mandatory violations (${doc.violations.length} advisory below).`] };
    return { head: [`#### Mandatory violations (${mandatory.length})`, "", ...VIOLATION_HEADER], rows: violationRows(doc, newFirst(mandatory)), stub: `_${plural(mandatory.length, "mandatory violation")}: ${FULL_PLAN}._` };
}

function advisoryBlock(doc: PlanDocument): Block | undefined {
    const advisory = doc.violations.filter((v) => v.level !== "mandatory");
    if (advisory.length === 0) return undefined;
    return details(`Advisory violations (${advisory.length})`, VIOLATION_HEADER, violationRows(doc, newFirst(advisory)));
}

const COST_HEADER = ["| Resource | Type | $/month | Basis |", "|---|---|---:|---|"];

function costRow(l: PlanDocument["cost"]["lines"][number]): string {
    return `| \`${cell(urnName(l.urn))}\` | \`${l.type}\` | ${usd(l.monthlyUsd)}${l.range ? ` (${usd(l.range.minUsd)}..${usd(l.range.maxUsd)})` : ""} | ${cell(l.basis)} |`;
}

/** The total (saying what it leaves out) and the most expensive lines, always; the unpriced resources and the assumptions as room allows. */
function costBlocks(doc: PlanDocument): Block[] {
    const c = doc.cost;
    const { paid } = costLineKinds(c);
    const top = paid.slice(0, COST_TABLE_LINES);
    const delta = doc.baseline ? ` · ${signedUsd(doc.baseline.costDeltaUsd)} vs base` : "";
    const blocks: Block[] = [{ essential: true, head: [`#### Cost: ${costHeadline(c, "/month")}${delta} (${c.region}${c.priceDate ? `, list prices of ${c.priceDate}` : ""})`] }];
    if (top.length > 0) {
        const more = paid.length > top.length ? `${paid.length - top.length} more lines below` : "";
        blocks.push({ essential: true, head: [...COST_HEADER, ...top.map(costRow), `| **Total** | | **${usd(c.monthlyUsd)}** | ${more} |`] });
    }
    if (c.unpricedResources.length > 0) {
        blocks.push({
            head: [`**Not in the total: ${plural(c.unpricedResources.length, "resource")} not priced**`, ""],
            rows: c.unpricedResources.map((u) => `- \`${cell(urnName(u.urn))}\` \`${u.type}\`: ${cell(u.reason)}`),
            stub: `_${plural(c.unpricedResources.length, "resource")} not priced: ${FULL_PLAN}._`,
        });
    }
    const notes = c.assumptions;
    if (notes.length > 0) blocks.push(details(`Cost assumptions (${notes.length})`, [], notes.map((n) => `- ${cell(n)}`)));
    return blocks;
}

/** Collapsible blocks: waived, not evaluated, savings, every cost line, changes vs base, resources. */
function detailBlocks(doc: PlanDocument): Block[] {
    const out: Block[] = [];
    if (doc.waived.length) {
        out.push(details(`Waived (${doc.waived.length})`, ["| Policy | Resource | Reason | Owner | Expires |", "|---|---|---|---|---|"], doc.waived.map((w) => `| \`${w.policy}\` | \`${cell(urnName(w.urn))}\` | ${cell(w.reason)} | ${cell(w.owner)} | ${w.expires} |`)));
    }
    if (doc.notEvaluated.length) {
        out.push(details(`Not evaluated (${doc.notEvaluated.length}) — unknown, not clean`, ["| Policy | Resource | What could not be seen |", "|---|---|---|"], doc.notEvaluated.map((n) => `| \`${n.policy}\` | \`${cell(urnName(n.urn))}\` | ${cell(n.property)} |`)));
    }
    if (doc.cost.savings.length) {
        out.push(details("Why this stage costs what it costs", [], doc.cost.savings.map((s) => `- **${cell(s.title)}**: ${usd(s.monthlyUsd)} instead of ${usd(s.comparedToUsd)} — ${cell(s.detail)}`)));
    }
    const { paid, needUsage, free } = costLineKinds(doc.cost);
    if (paid.length > COST_TABLE_LINES || needUsage.length > 0 || free.length > 0) {
        const freeLine = free.length > 0 ? [`${free.length} free resources: ${countByType(free.map((l) => l.type))}.`, ""] : [];
        out.push(details(`All cost lines (${paid.length} that cost money, ${needUsage.length} at $0.00 until usage is given, ${free.length} free)`, [...freeLine, ...COST_HEADER], [...paid, ...needUsage].map(costRow)));
    }
    if (doc.baseline && (doc.baseline.added.length || doc.baseline.removed.length || doc.baseline.resolved.length)) {
        const b = doc.baseline;
        out.push(details(`Changes vs base (+${b.addedResources} / −${b.removedResources} resources, ${b.resolvedViolations} violations resolved)`, [], [
            ...b.resolved.map((v) => `- ✔️ resolved \`${v.policy}\` on \`${cell(urnName(v.urn))}\``),
            ...b.added.map((u) => `- ➕ \`${cell(u)}\``),
            ...b.removed.map((u) => `- ➖ \`${cell(u)}\``),
        ]));
    }
    out.push(details(`Resources (${doc.resources.length})`, [`${countByType(doc.resources.map((r) => r.type))}.`, "", "| Resource | Type | Source |", "|---|---|---|"], doc.resources.map((r) => `| \`${cell(r.name)}\` | \`${r.type}\` | ${location(r) ? `\`${location(r)}\`` : ""} |`)));
    return out;
}

export function renderMarkdown(doc: PlanDocument): string {
    const move: Block[] = doc.transition ? [{ essential: true, head: [...renderTransitionMarkdownHead(doc.transition), "", "---"] }] : [];
    const moveRest: Block[] = doc.transition ? [{ head: renderTransitionMarkdownRest(doc.transition), stub: `_The move's other changes: ${FULL_PLAN}._` }] : [];
    const summary: Block = {
        essential: true,
        head: [summaryLine(doc), "", `Stack \`${doc.stack}\` · stage \`${doc.stage}\` · program \`${doc.program}\` · ${doc.resources.length} resources · pack \`${doc.pack.name}@${doc.pack.version}\` · ${doc.preview ? "preview" : "update"} mode`],
    };
    const advisory = advisoryBlock(doc);
    const diagram: Block = { head: ["<details>", "<summary>Diagram</summary>", "", "```mermaid", doc.diagram, "```", "", "</details>"], stub: `_Diagram (${doc.resources.length} resources): too large for a comment; in the JSON plan (\`diagram\`) and the text report's .mmd file._` };
    const blocks = [...move, summary, mandatoryBlock(doc), ...costBlocks(doc), ...moveRest, ...(advisory ? [advisory] : []), ...detailBlocks(doc), diagram, { essential: true, head: [COMMENT_MARKER] }];
    return `${fit(blocks).join("\n")}\n`;
}
