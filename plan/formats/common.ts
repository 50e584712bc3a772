/** Small helpers shared by the report formats. */
import type { PlanCost, PlanCostLine, PlanDocument, PlanResource, PlanViolation } from "../document";

/** `$1,234.56`. */
export function usd(amount: number): string {
    const sign = amount < 0 ? "-" : "";
    return `${sign}$${Math.abs(amount).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** `+$12.00` / `-$3.50`. */
export function signedUsd(amount: number): string {
    return amount >= 0 ? `+${usd(amount)}` : usd(amount);
}

/** The logical name inside a URN. */
export function urnName(urn: string | null): string {
    if (urn === null) return "(stack)";
    return urn.split("::").pop() ?? urn;
}

/** The resource type inside a URN (last of the type chain). */
export function urnType(urn: string): string {
    return (urn.split("::")[2] ?? "").split("$").pop() ?? "";
}

/** Index of the document's resources by URN. */
export function resourceIndex(doc: PlanDocument): Map<string, PlanResource> {
    return new Map(doc.resources.map((r) => [r.urn, r]));
}

/** `file:line`, or "" when unknown. */
export function location(resource: PlanResource | undefined): string {
    return resource?.source ? `${resource.source.file}:${resource.source.line}` : "";
}

/** Counts that every summary shows. */
export interface Counts {
    mandatory: number;
    advisory: number;
    waived: number;
    notEvaluated: number;
    newMandatory: number;
    newAdvisory: number;
}

export function counts(doc: PlanDocument): Counts {
    const mandatory = doc.violations.filter((v) => v.level === "mandatory");
    const advisory = doc.violations.filter((v) => v.level !== "mandatory");
    const isNew = (v: PlanViolation) => v.new === true;
    return {
        mandatory: mandatory.length,
        advisory: advisory.length,
        waived: doc.waived.length,
        notEvaluated: doc.notEvaluated.length,
        newMandatory: mandatory.filter(isNew).length,
        newAdvisory: advisory.filter(isNew).length,
    };
}

/** "1 thing" / "2 things". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
    return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Cost lines, most expensive first. */
export function topCostLines(doc: PlanDocument, n: number): PlanDocument["cost"]["lines"] {
    return [...doc.cost.lines].sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.urn.localeCompare(b.urn)).slice(0, n);
}

/** The cost lines in three kinds: costing money (most expensive first), at $0.00 only until usage is given, free. */
export function costLineKinds(cost: PlanCost): { paid: PlanCostLine[]; needUsage: PlanCostLine[]; free: PlanCostLine[] } {
    const zero = cost.lines.filter((l) => !(l.monthlyUsd > 0));
    return {
        paid: cost.lines.filter((l) => l.monthlyUsd > 0).sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.urn.localeCompare(b.urn)),
        needUsage: zero.filter((l) => l.needsUsage === true),
        free: zero.filter((l) => l.needsUsage !== true),
    };
}

/** `text` cut into lines of at most `width` characters at ", ", the lines after the first indented by `indent`. */
export function wrap(text: string, width: number, indent: string): string[] {
    const lines: string[] = [];
    let current = "";
    for (const part of text.split(/(?<=, )/)) {
        if (current.length > 0 && current.length + part.length > width) {
            lines.push(current.trimEnd());
            current = indent;
        }
        current += part;
    }
    return [...lines, current.trimEnd()];
}

/**
 * The total as every headline shows it: `$152.33`, or `$152.33 + 3 resources not priced` when the model left some
 * out (`per` goes after the amount: `/month`). The cost model never gives an infinite total (it refuses the usage
 * that would make one), so there is nothing to hide here.
 */
export function costHeadline(cost: PlanCost, per = ""): string {
    const missing = cost.unpricedResources.length;
    return `${usd(cost.monthlyUsd)}${per}${missing > 0 ? ` + ${plural(missing, "resource")} not priced` : ""}`;
}

/** `aws:ec2/subnet:Subnet` → `ec2.Subnet`, `random:index/randomPassword:RandomPassword` → `random.RandomPassword`. */
export function shortType(type: string): string {
    const [pkg, module, name] = type.split(":");
    if (name === undefined) return type;
    const mod = module.split("/")[0];
    return `${mod === "index" ? pkg : mod}.${name}`;
}

/** `6 ec2.Subnet, 2 s3.Bucket`: how many of each type, most first. */
export function countByType(types: readonly string[]): string {
    const counted = new Map<string, number>();
    for (const t of types) counted.set(shortType(t), (counted.get(shortType(t)) ?? 0) + 1);
    return [...counted].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => `${n} ${t}`).join(", ");
}

/** `q{0..3}` for q0..q3, `u{1,4}-db` for u1-db and u4-db: names that differ only in one number, as one. */
function collapseSeries(names: readonly string[]): { text: string; count: number }[] {
    const series = new Map<string, { prefix: string; suffix: string; numbers: number[]; names: string[] }>();
    for (const name of names) {
        const m = /^(.*?)(0|[1-9]\d*)(\D*)$/.exec(name);
        const key = m ? `${m[1]}\u0000${m[3]}` : name;
        const entry = series.get(key) ?? { prefix: m?.[1] ?? name, suffix: m?.[3] ?? "", numbers: [], names: [] };
        entry.names.push(name);
        if (m) entry.numbers.push(Number(m[2]));
        series.set(key, entry);
    }
    return [...series.values()].map(({ prefix, suffix, numbers, names: members }) => {
        if (members.length === 1 || numbers.length !== members.length) return { text: members.join(", "), count: members.length };
        const sorted = [...numbers].sort((a, b) => a - b);
        const range = sorted.length > 2 && sorted.every((n, i) => i === 0 || n === sorted[i - 1] + 1);
        return { text: `${prefix}{${range ? `${sorted[0]}..${sorted[sorted.length - 1]}` : sorted.join(",")}}${suffix}`, count: members.length };
    });
}

/** Names with numbered series collapsed, at most `max` of them, then how many names are left: `a, b-{0..3}, … 12 more`. */
export function collapseNames(names: readonly string[], max: number): string {
    const collapsed = collapseSeries(names);
    const shown = collapsed.slice(0, max).map((c) => c.text);
    const left = collapsed.slice(max).reduce((sum, c) => sum + c.count, 0);
    return left > 0 ? `${shown.join(", ")}, … ${left} more` : shown.join(", ");
}

