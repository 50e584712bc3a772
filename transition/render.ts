/**
 * Text and Markdown views of a stage move: the verdict first, stateful resources on top, unchanged
 * resources counted rather than listed.
 */
import type { Transition, TransitionAction, TransitionResource } from "./types";

const ORDER: readonly TransitionAction[] = ["delete", "replace", "create", "alias", "update", "keep"];

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

function textRow(r: TransitionResource): string[] {
    const lines = [`  ${r.action.toUpperCase().padEnd(8)} ${r.type}  ${nameOf(r.urn)}`, `           ${r.reason}`];
    if (r.recipe) lines.push(`           recipe: ${r.recipe.title} (${r.recipe.doc})`);
    if (r.hint) lines.push(`           hint: ${r.hint}`);
    return lines;
}

/** Plain-text report. */
export function renderTransitionText(t: Transition): string {
    const stateful = t.resources.filter((r) => r.stateful && r.action !== "keep");
    const statefulKept = t.resources.filter((r) => r.stateful && r.action === "keep");
    const others = t.resources.filter((r) => !r.stateful && r.action !== "keep");
    const kept = t.resources.filter((r) => !r.stateful && r.action === "keep").length;
    const lines = [`Stage move ${t.from} → ${t.to}: ${summaryLine(t)}`, verdict(t)];
    if (t.preview) lines.push("Preview run: values marked \"may change\" are not known until apply.");
    lines.push("", "Stateful resources:");
    if (stateful.length === 0) lines.push("  (no stateful resource changes)");
    for (const r of stateful) lines.push(...textRow(r));
    for (const r of statefulKept) lines.push(`  KEEP     ${r.type}  ${nameOf(r.urn)}`);
    lines.push("", "Other changes:");
    if (others.length === 0) lines.push("  (none)");
    for (const r of others) lines.push(...textRow(r));
    lines.push(`  (${kept} other resource${kept === 1 ? "" : "s"} unchanged)`);
    return `${lines.join("\n")}\n`;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function markdownTable(rows: TransitionResource[]): string[] {
    const lines = ["| Action | Type | Name | Why | Recipe |", "| --- | --- | --- | --- | --- |"];
    for (const r of rows) {
        const recipe = r.recipe ? `[${cell(r.recipe.title)}](${r.recipe.doc})` : "";
        const why = r.hint ? `${r.reason}. Hint: ${r.hint}` : r.reason;
        lines.push(`| **${r.action}** | \`${r.type}\` | \`${cell(nameOf(r.urn))}\` | ${cell(why)} | ${recipe} |`);
    }
    return lines;
}

/** Markdown report (for a pull-request comment). */
export function renderTransitionMarkdown(t: Transition): string {
    const stateful = t.resources.filter((r) => r.stateful);
    const others = t.resources.filter((r) => !r.stateful && r.action !== "keep");
    const kept = t.resources.filter((r) => !r.stateful && r.action === "keep").length;
    const lines = [`### Stage move \`${t.from}\` → \`${t.to}\``, "", `${t.blocked ? "❌" : "✅"} ${verdict(t)}`, "", `${summaryLine(t)}.`];
    if (t.preview) lines.push("", "_Preview run: values marked \"may change\" are not known until apply._");
    lines.push("", "#### Stateful resources", "");
    lines.push(...(stateful.length > 0 ? markdownTable(stateful) : ["_None._"]));
    lines.push("", "#### Other changes", "");
    lines.push(...(others.length > 0 ? markdownTable(others) : ["_None._"]));
    lines.push("", `${kept} other resource${kept === 1 ? "" : "s"} unchanged.`);
    return `${lines.join("\n")}\n`;
}
