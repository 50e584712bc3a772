/** Renders `--compare-regions`: the one run priced in each region, side by side (text, markdown or JSON). */
import type { RegionColumn, RegionComparison } from "../compare-regions";
import { urnName, usd } from "./common";
import { sideBySide } from "./text-table";

/** The comparison as one JSON document. */
export function renderRegionsJson(comparison: RegionComparison): string {
    return `${JSON.stringify(comparison, null, 2)}\n`;
}

function delta(c: RegionColumn, index: number): string {
    if (index === 0) return "—";
    const sign = c.deltaUsd >= 0 ? "+" : "-";
    const pct = c.deltaPct === null ? "" : ` (${c.deltaPct >= 0 ? "+" : ""}${c.deltaPct.toFixed(1)} %)`;
    return `${sign}${usd(Math.abs(c.deltaUsd))}${pct}`;
}

function rows(comparison: RegionComparison): string[][] {
    const cols = comparison.regions;
    const first = cols[0]?.region ?? "";
    const top = (i: number) =>
        cols.map((c) => {
            const line = c.topCostLines[i];
            return line ? `${urnName(line.urn)} ${usd(line.monthlyUsd)}${line.derivedUsd > 0 ? "*" : ""}` : "";
        });
    return [
        ["", ...cols.map((c) => c.region)],
        ["monthly cost", ...cols.map((c) => usd(c.monthlyUsd))],
        [`vs ${first}`, ...cols.map(delta)],
        ["at list prices", ...cols.map((c) => usd(c.listPriceUsd))],
        ["derived", ...cols.map((c) => `${usd(c.derivedUsd)} (${c.derivedPct.toFixed(1)} %)`)],
        ["range (min..max)", ...cols.map((c) => `${usd(c.monthlyRange.minUsd)}..${usd(c.monthlyRange.maxUsd)}`)],
        ["priced resources", ...cols.map((c) => String(c.pricedResources))],
        ["unpriced resources", ...cols.map((c) => String(c.unpricedResources))],
        ["price date", ...cols.map((c) => c.priceDate || "no table")],
        ...[0, 1, 2].map((i) => [`top cost ${i + 1}`, ...top(i)]),
    ];
}

/** Why resources are unpriced, per region: `region: n × reason`. */
function unpricedSummary(comparison: RegionComparison): string[] {
    const out: string[] = [];
    for (const c of comparison.regions) {
        const reasons = new Map<string, number>();
        for (const u of c.unpriced) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
        for (const [reason, n] of reasons) out.push(`${c.region}: ${n} × ${reason}`);
    }
    return out;
}

function pinnedLines(comparison: RegionComparison): string[] {
    return comparison.pinned.map((p) => `${p.name} (${p.type}) stays in ${p.region} (${p.by === "provider" ? "its explicit provider's region" : "its own region input"})`);
}

function header(comparison: RegionComparison): string {
    const verdict = comparison.blocked ? "BLOCKED" : "not blocked";
    return `${comparison.resources} resources, ${comparison.mandatoryViolations} mandatory and ${comparison.advisoryViolations} advisory violations (${verdict}; verdicts come from the one run in ${comparison.runRegion} and do not depend on the region)`;
}

/** The comparison as a text table. */
export function renderRegionsText(comparison: RegionComparison): string {
    const table = rows(comparison);
    const lines = [
        `Runway plan — stack ${comparison.stack}, stage ${comparison.stage}, program ${comparison.program}: priced in ${comparison.regions.length} regions`,
        header(comparison),
        "",
    ];
    lines.push(...sideBySide(table));
    lines.push("", "* the line rests partly on derived figures (not list prices).");
    const pinned = pinnedLines(comparison);
    if (pinned.length > 0) lines.push("", "Pinned (not moved):", ...pinned.map((p) => `  - ${p}`));
    const unpriced = unpricedSummary(comparison);
    if (unpriced.length > 0) lines.push("", "Unpriced:", ...unpriced.map((u) => `  - ${u}`));
    lines.push("", "Notes:", ...comparison.notes.map((n) => `  - ${n}`));
    return `${lines.join("\n")}\n`;
}

/** The comparison as a markdown table (a PR comment). */
export function renderRegionsMarkdown(comparison: RegionComparison): string {
    const table = rows(comparison);
    const escape = (t: string) => t.replace(/\|/g, "\\|");
    const lines = [
        `**Runway plan: priced in ${comparison.regions.length} regions** (stack \`${comparison.stack}\`, stage \`${comparison.stage}\`, program \`${comparison.program}\`)`,
        "",
        header(comparison),
        "",
        `| ${table[0].map(escape).join(" | ")} |`,
        `|---|${table[0].slice(1).map(() => "---:").join("|")}|`,
        ...table.slice(1).map((row) => `| ${row.map(escape).join(" | ")} |`),
        "",
        "\\* the line rests partly on derived figures (not list prices).",
    ];
    const pinned = pinnedLines(comparison);
    if (pinned.length > 0) lines.push("", "**Pinned (not moved):**", "", ...pinned.map((p) => `- ${escape(p)}`));
    const unpriced = unpricedSummary(comparison);
    if (unpriced.length > 0) lines.push("", "<details><summary>Unpriced</summary>", "", ...unpriced.map((u) => `- ${escape(u)}`), "", "</details>");
    lines.push("", ...comparison.notes.map((n) => `- ${escape(n)}`));
    return `${lines.join("\n")}\n`;
}
