/** Renders `--compare`: the three stages side by side (text, markdown or JSON). */
import type { Comparison } from "../compare";
import { plural, urnName, usd } from "./common";
import { sideBySide } from "./text-table";

export function renderComparisonJson(comparison: Comparison): string {
    return `${JSON.stringify(comparison, null, 2)}\n`;
}

function rows(comparison: Comparison): string[][] {
    const s = comparison.stages;
    const top = (i: number) => s.map((x) => (x.topCostLines[i] ? `${urnName(x.topCostLines[i].urn)} ${usd(x.topCostLines[i].monthlyUsd)}` : ""));
    return [
        ["", ...s.map((x) => x.stage)],
        ["settings", ...s.map((x) => x.settings)],
        ["resources", ...s.map((x) => String(x.resources))],
        ["mandatory violations", ...s.map((x) => String(x.mandatoryViolations))],
        ["advisory violations", ...s.map((x) => String(x.advisoryViolations))],
        ["not evaluated", ...s.map((x) => String(x.notEvaluated))],
        ["monthly cost", ...s.map((x) => `${usd(x.monthlyUsd)}${x.unpricedResources > 0 ? ` + ${plural(x.unpricedResources, "resource")} not priced` : ""}`)],
        ...[0, 1, 2].map((i) => [`top cost ${i + 1}`, ...top(i)]),
    ];
}

export function renderComparisonText(comparison: Comparison): string {
    const table = rows(comparison);
    const lines = [`Runway plan — stack ${comparison.stack}, program ${comparison.program}: the stages side by side`, ""];
    lines.push(...sideBySide(table));
    return `${lines.join("\n")}\n`;
}

export function renderComparisonMarkdown(comparison: Comparison): string {
    const table = rows(comparison);
    const escape = (t: string) => t.replace(/\|/g, "\\|");
    const lines = [
        `**Runway plan: the stages side by side** (stack \`${comparison.stack}\`, program \`${comparison.program}\`)`,
        "",
        `| ${table[0].map(escape).join(" | ")} |`,
        `|---|${table[0].slice(1).map(() => "---:").join("|")}|`,
        ...table.slice(1).map((row) => `| ${row.map(escape).join(" | ")} |`),
    ];
    return `${lines.join("\n")}\n`;
}
