/** Small helpers shared by the report formats. */
import type { PlanDocument, PlanResource, PlanViolation } from "../document";

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
