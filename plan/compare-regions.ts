/**
 * `--compare-regions r1,r2,...`: the same stack priced in several regions, side by side. The program runs once (in
 * its own region, judged as usual: the verdicts do not depend on where it is priced); the run's resources are then
 * re-priced with their region set to each region in turn. A resource the program puts in another region than the
 * stack's (its own `region` input, or an explicit provider with another region) is pinned: it stays in its region.
 *
 * For each region: the total, the delta against the first region, the top cost lines, the resources left unpriced,
 * and how much of the total rests on derived figures (not list prices: `PriceBook.isDerived`, docs/prices.md).
 */
import { availableRegions, priceResources } from "../cost";
import { str } from "../cost/props";
import { rawProperties, toStackResources, type DeclaredResource, type ProgramRun } from "../harness";
import type { StackResource } from "../model/resource";
import { priceRun, usageOption, type UsageChoice } from "./costing";
import type { PlanCost, PlanDocument, PlanUnpricedResource } from "./document";
import { BadInput } from "./errors";
import type { PlanTarget } from "./target";

/** How many cost lines each region shows. */
export const TOP_REGION_COST_LINES = 3;

/** A resource that keeps its own region whatever region the stack is priced in. */
export interface PinnedResource {
    urn: string;
    type: string;
    name: string;
    region: string;
    /** `resource`: its own `region` input; `provider`: its explicit provider's region. */
    by: "resource" | "provider";
}

/** One cost line of a region's column. */
export interface RegionCostLine {
    urn: string;
    type: string;
    monthlyUsd: number;
    basis: string;
    /** The part of `monthlyUsd` priced from derived figures. */
    derivedUsd: number;
}

/** One region's column. */
export interface RegionColumn {
    region: string;
    /** Date of the region's price table ("" when it has none). */
    priceDate: string;
    monthlyUsd: number;
    /** Against the first region's total. */
    deltaUsd: number;
    /** Against the first region's total, in per cent; null when that total is 0. */
    deltaPct: number | null;
    /** The part of the total priced at list prices. */
    listPriceUsd: number;
    /** The part of the total priced from derived figures (another region's price × a measured ratio). */
    derivedUsd: number;
    /** `derivedUsd` as a share of the total, in per cent (0 for a zero total). */
    derivedPct: number;
    monthlyRange: { minUsd: number; maxUsd: number };
    /** Resources with a cost line (free ones included). */
    pricedResources: number;
    unpricedResources: number;
    /** Each resource left out of the total here, with why. */
    unpriced: PlanUnpricedResource[];
    /** True when every resource that can cost money is priced. */
    complete: boolean;
    topCostLines: RegionCostLine[];
}

/** What `--compare-regions` reports. */
export interface RegionComparison {
    stack: string;
    stage: string;
    program: string;
    /** The region the program ran in (its stack's region): the plan's own pricing. */
    runRegion: string;
    /** Resources declared (as in the plan document). */
    resources: number;
    mandatoryViolations: number;
    advisoryViolations: number;
    notEvaluated: number;
    /** From the one run: the same in every region. */
    blocked: boolean;
    regions: RegionColumn[];
    pinned: PinnedResource[];
    notes: string[];
}

/** Checks the regions before anything runs: each must have a price table. */
export function checkRegions(regions: readonly string[], dataDir?: string): void {
    const have = availableRegions(dataDir);
    const missing = regions.filter((r) => !have.includes(r));
    if (missing.length > 0) {
        throw new BadInput(`--compare-regions: no price table for ${missing.join(", ")} (regions with tables: ${have.join(", ")})`);
    }
}

/** The region a resource sets for itself: its own `region` input, else its explicit provider's. */
function explicitRegion(r: DeclaredResource, providers: ReadonlyMap<string, DeclaredResource>): { region: string; by: PinnedResource["by"] } | undefined {
    const own = str(rawProperties(r.inputs), "region");
    if (own !== undefined) return { region: own, by: "resource" };
    if (r.provider === undefined) return undefined;
    const provider = providers.get(r.provider.slice(0, r.provider.lastIndexOf("::")));
    const region = provider === undefined ? undefined : str(rawProperties(provider.inputs), "region");
    return region === undefined ? undefined : { region, by: "provider" };
}

/**
 * The run with every AWS resource moved to `region`, except those the program pins to a region other than the
 * stack's (`runRegion`); the pinned ones are listed.
 */
export function moveRun(run: ProgramRun, region: string, runRegion: string): { run: ProgramRun; pinned: PinnedResource[] } {
    const providers = new Map(run.resources.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => [r.urn, r]));
    const pinned: PinnedResource[] = [];
    const resources = run.resources.map((r) => {
        if (!r.type.startsWith("aws:") || !r.custom) return r;
        const explicit = explicitRegion(r, providers);
        if (explicit !== undefined && explicit.region !== runRegion) {
            pinned.push({ urn: r.urn, type: r.type, name: r.name, region: explicit.region, by: explicit.by });
            return r;
        }
        return { ...r, outputs: { ...r.outputs, region } };
    });
    return { run: { ...run, resources }, pinned };
}

/**
 * The derived part of each cost line: the line's figure minus the same resources priced (with the same usage) from
 * list prices only, derived figures at 0.
 */
export function derivedParts(resources: readonly StackResource[], cost: PlanCost, region: string, stage: string | undefined, usage: UsageChoice): Map<string, number> {
    const listed = new Map(priceResources(resources, { region, stage, usage: usageOption(usage), listPricesOnly: true }).lines.map((l) => [l.urn, l.monthlyUsd]));
    const out = new Map<string, number>();
    for (const line of cost.lines) {
        const list = listed.get(line.urn);
        if (line.monthlyUsd > 0 && list !== undefined) out.set(line.urn, Math.max(0, Math.round((line.monthlyUsd - list) * 100) / 100));
    }
    return out;
}

const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** Prices the planned run in each region; the verdicts come from the plan document (the one run). */
export function compareRegions(target: PlanTarget, planned: { document: PlanDocument; run: ProgramRun }, regions: readonly string[], usage: UsageChoice): RegionComparison {
    const doc = planned.document;
    const stage = target.own ? target.stage : undefined;
    let pinned: PinnedResource[] = [];
    const columns: RegionColumn[] = [];
    for (const region of regions) {
        const moved = moveRun(planned.run, region, target.region);
        pinned = moved.pinned;
        let cost: PlanCost;
        try {
            cost = priceRun(moved.run, { region, stage, usage });
        } catch (err) {
            throw new BadInput(`cannot price stack ${target.stack} in ${region}: ${err instanceof Error ? err.message : String(err)}`);
        }
        const derived = derivedParts(toStackResources(moved.run), cost, region, stage, usage);
        const derivedUsd = round2([...derived.values()].reduce((a, b) => a + b, 0));
        const top = [...cost.lines].sort((a, b) => b.monthlyUsd - a.monthlyUsd || a.urn.localeCompare(b.urn)).slice(0, TOP_REGION_COST_LINES);
        columns.push({
            region,
            priceDate: cost.priceDate,
            monthlyUsd: cost.monthlyUsd,
            deltaUsd: 0,
            deltaPct: null,
            listPriceUsd: round2(cost.monthlyUsd - derivedUsd),
            derivedUsd,
            derivedPct: cost.monthlyUsd > 0 ? Math.round((derivedUsd / cost.monthlyUsd) * 1000) / 10 : 0,
            monthlyRange: cost.monthlyRange,
            pricedResources: cost.lines.length,
            unpricedResources: cost.unpricedResources.length,
            unpriced: cost.unpricedResources,
            complete: cost.complete,
            topCostLines: top.map((l) => ({ urn: l.urn, type: l.type, monthlyUsd: l.monthlyUsd, basis: l.basis, derivedUsd: derived.get(l.urn) ?? 0 })),
        });
    }
    const first = columns[0]?.monthlyUsd ?? 0;
    for (const c of columns) {
        c.deltaUsd = round2(c.monthlyUsd - first);
        c.deltaPct = first > 0 ? Math.round(((c.monthlyUsd - first) / first) * 1000) / 10 : null;
    }
    const notes = [
        `One program run (stack ${target.stack}, region ${target.region}), judged once; its resources are re-priced in each region from that region's table (data/prices-<region>.json).`,
        pinned.length === 0
            ? "No resource is pinned to another region: every AWS resource moves with the stack."
            : `${pinned.length} resource(s) stay in their own region in every column (a region input, or an explicit provider, other than the stack's ${target.region}).`,
        "Derived: figures computed from another region's price × a measured ratio, not list prices (docs/prices.md, \"What is derived, and its bound\").",
        "Usage assumptions are the same in every region (the stage's usage file, or --usage).",
    ];
    return {
        stack: doc.stack,
        stage: doc.stage,
        program: doc.program,
        runRegion: target.region,
        resources: doc.resources.length,
        mandatoryViolations: doc.violations.filter((v) => v.level === "mandatory").length,
        advisoryViolations: doc.violations.filter((v) => v.level !== "mandatory").length,
        notEvaluated: doc.notEvaluated.length,
        blocked: doc.blocked,
        regions: columns,
        pinned,
        notes,
    };
}
