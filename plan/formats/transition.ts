/**
 * `--from`: the stage move as text and markdown views (`transition/` computes it). The verdict first, then the
 * stateful resources the move deletes or replaces, each in full (why, recipe, hint). What changes in place is one
 * row each, naming the properties that change and how; every other change (creates, deletes of stateless
 * resources, renames through aliases) is counted by action and type, with the names collapsed. Unchanged
 * resources are a count.
 */
import type { Transition, TransitionAction, TransitionResource } from "../../transition";
import { collapseNames, countByType, plural } from "./common";

const ORDER: readonly TransitionAction[] = ["delete", "replace", "create", "alias", "update", "keep"];
/** Names shown on a counted line before "… N more". */
const NAMES_SHOWN = 10;
/** Width a counted line's type counts are cut to. */
const COUNTS_WIDTH = 120;
/** Rows a markdown table shows before the rest is counted (the JSON plan has them all). */
const MARKDOWN_ROWS = 40;

function nameOf(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** "3 keep, 1 update, ..." in a fixed order. */
export function summaryLine(t: Transition): string {
    return ORDER.map((action) => `${t.summary[action]} ${action}`).join(", ");
}

/** The one-sentence verdict. */
export function verdict(t: Transition): string {
    const lost = t.resources.filter((r) => r.dataLoss === true);
    if (lost.length > 0) {
        return `BLOCKED: ${lost.length} stateful resource${lost.length === 1 ? "" : "s"} would be deleted or replaced with no migration path: ${lost.map((r) => `${nameOf(r.urn)} (${r.action})`).join(", ")}`;
    }
    const destroyed = t.resources.filter((r) => r.stateful && (r.action === "delete" || r.action === "replace"));
    if (destroyed.length > 0) {
        return `${destroyed.length} stateful resource${destroyed.length === 1 ? "" : "s"} deleted or replaced, each with a migration path: ${destroyed.map((r) => `${nameOf(r.urn)} (${r.migration})`).join(", ")}`;
    }
    return "No stateful resource is deleted or replaced.";
}

/** An update in place, or a rename through aliases that also updates in place: shown as an update. */
function updatesInPlace(r: TransitionResource): boolean {
    return r.action === "update" || (r.action === "alias" && (r.changes?.length ?? 0) > 0);
}

/** Rows a reader must see one by one: data stores deleted or replaced, any replace, in-place updates, restores, hints. */
function shownAlone(r: TransitionResource): boolean {
    const destructive = r.action === "delete" || r.action === "replace";
    const restores = r.action === "create" && r.stateful && /restores from a snapshot/.test(r.reason);
    return (r.stateful && destructive) || r.action === "replace" || updatesInPlace(r) || restores || r.hint !== undefined;
}

/** The action a row is shown with: a rename that also changes properties is an update (with a note that it is aliased). */
function shownAction(r: TransitionResource): TransitionAction {
    return updatesInPlace(r) ? "update" : r.action;
}

/** Why, without the old URN of a rename (the row says it is aliased): for an update, each property and how it changes. */
function why(r: TransitionResource): string {
    return updatesInPlace(r) && r.propertyChanges ? r.propertyChanges.map((c) => `${c.property} ${c.change}`).join("; ") : r.reason;
}

/** The rows of one section, in three parts: shown one by one, counted by action, unchanged. */
interface Section {
    alone: TransitionResource[];
    counted: Map<TransitionAction, TransitionResource[]>;
    unchanged: number;
}

function section(rows: TransitionResource[]): Section {
    const counted = new Map<TransitionAction, TransitionResource[]>();
    for (const r of rows.filter((x) => x.action !== "keep" && !shownAlone(x))) counted.set(r.action, [...(counted.get(r.action) ?? []), r]);
    const ordered = new Map(ORDER.filter((a) => counted.has(a)).map((a) => [a, counted.get(a) ?? []]));
    return { alone: rows.filter(shownAlone), counted: ordered, unchanged: rows.filter((r) => r.action === "keep").length };
}

function sections(t: Transition): { stateful: Section; others: Section } {
    return { stateful: section(t.resources.filter((r) => r.stateful)), others: section(t.resources.filter((r) => !r.stateful)) };
}

/** The type counts of a counted line, cut to `width`. */
function typeCounts(rows: TransitionResource[], width: number): string {
    const all = countByType(rows.map((r) => r.type));
    if (all.length <= width) return all;
    const cut = all.slice(0, width);
    return `${cut.slice(0, cut.lastIndexOf(", "))}, …`;
}

function textRow(r: TransitionResource): string[] {
    const aliased = updatesInPlace(r) && r.action === "alias" ? "  [aliased]" : "";
    const lines = [`  ${shownAction(r).toUpperCase().padEnd(8)} ${r.type}  ${nameOf(r.urn)}${aliased}`, `           ${why(r)}`];
    if (r.recipe) lines.push(`           recipe: ${r.recipe.title} (${r.recipe.doc})`);
    if (r.hint) lines.push(`           hint: ${r.hint}`);
    return lines;
}

function textSection(s: Section, none: string): string[] {
    const lines = s.alone.flatMap(textRow);
    for (const [action, rows] of s.counted) {
        const head = `  ${rows.length} ${action}: `;
        lines.push(`${head}${typeCounts(rows, COUNTS_WIDTH)}`, `${" ".repeat(head.length)}${collapseNames(rows.map((r) => nameOf(r.urn)), NAMES_SHOWN)}`);
    }
    if (lines.length === 0) lines.push(none);
    return lines;
}

/** Plain-text report. */
export function renderTransitionText(t: Transition): string {
    const { stateful, others } = sections(t);
    const lines = [`Stage move ${t.from} → ${t.to}: ${summaryLine(t)}`, verdict(t)];
    if (t.preview) lines.push("Preview run: values marked \"may change\" are not known until apply.");
    lines.push("", "Stateful resources:", ...textSection(stateful, "  (no stateful resource changes)"));
    if (stateful.unchanged > 0) lines.push(`  (${stateful.unchanged} unchanged)`);
    lines.push("", "Other changes:", ...textSection(others, "  (none)"));
    lines.push(`  (${plural(others.unchanged, "other resource")} unchanged)`);
    return `${lines.join("\n")}\n`;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function markdownRows(rows: TransitionResource[]): string[] {
    const lines = ["| Action | Type | Name | Why | Recipe |", "| --- | --- | --- | --- | --- |"];
    for (const r of rows.slice(0, MARKDOWN_ROWS)) {
        const recipe = r.recipe ? `[${cell(r.recipe.title)}](${r.recipe.doc})` : "";
        const renamed = updatesInPlace(r) && r.action === "alias" ? " (renamed through aliases)" : "";
        const text = r.hint ? `${why(r)}. Hint: ${r.hint}` : `${why(r)}${renamed}`;
        lines.push(`| **${shownAction(r)}** | \`${r.type}\` | \`${cell(nameOf(r.urn))}\` | ${cell(text)} | ${recipe} |`);
    }
    if (rows.length > MARKDOWN_ROWS) lines.push("", `_… ${rows.length - MARKDOWN_ROWS} more: see the full plan (\`--format json\`)._`);
    return lines;
}

function markdownCounted(s: Section): string[] {
    return [...s.counted].map(([action, rows]) => `- **${rows.length} ${action}**: ${typeCounts(rows, COUNTS_WIDTH)} — ${cell(collapseNames(rows.map((r) => nameOf(r.urn)), NAMES_SHOWN))}`);
}

/** One section in markdown: the rows shown one by one, then the counted lines; `_None._` when it has neither. */
function markdownSection(s: Section): string[] {
    if (s.alone.length === 0 && s.counted.size === 0) return ["_None._"];
    const rows = s.alone.length > 0 ? markdownRows(s.alone) : [];
    return s.counted.size > 0 ? [...rows, ...(rows.length > 0 ? [""] : []), ...markdownCounted(s)] : rows;
}

/** The first part of the markdown report: heading, verdict, counts and the stateful resources. */
export function renderTransitionMarkdownHead(t: Transition): string[] {
    const { stateful } = sections(t);
    const lines = [`### Stage move \`${t.from}\` → \`${t.to}\``, "", `${t.blocked ? "❌" : "✅"} ${verdict(t)}`, "", `${summaryLine(t)}.`];
    if (t.preview) lines.push("", "_Preview run: values marked \"may change\" are not known until apply._");
    lines.push("", "#### Stateful resources", "");
    return [...lines, ...markdownSection(stateful)];
}

/** The rest of the markdown report: the other changes, one row each for replaces and updates, the rest counted. */
export function renderTransitionMarkdownRest(t: Transition): string[] {
    const { others } = sections(t);
    const lines = ["#### Other changes", ""];
    lines.push(...markdownSection(others), "", `${plural(others.unchanged, "other resource")} unchanged.`);
    return lines;
}

/** Markdown report (for a pull-request comment). */
export function renderTransitionMarkdown(t: Transition): string {
    return `${[...renderTransitionMarkdownHead(t), "", ...renderTransitionMarkdownRest(t)].join("\n")}\n`;
}
