/**
 * Runway's cost model: prices the resources a Pulumi program declares from a dated list-price table and
 * usage assumptions, with autoscaling, schedules and lifecycle rules taken into account.
 *
 *   const report = priceResources(toStackResources(run), { stage: "hero" });
 *
 * Components (types outside `aws:`, such as `runway:*`) are containers and are neither priced nor listed;
 * `pulumi:*` types (providers, the stack) are skipped; remote components whose children cannot be seen
 * (`awsx:*` with no children) and non-AWS provider resources are listed in `unpriced` with the reason.
 */
import { Graph } from "../model/graph";
import type { StackResource } from "../model/resource";
import { PricingContext } from "./context";
import { CostInputError, MissingPrice } from "./errors";
import { cents, qty } from "./format";
import type { PriceBook } from "./prices";
import { RegionalPrices } from "./regional-prices";
import { str } from "./props";
import { PRICERS } from "./registry";
import { isUnpriceable, type CostLine, type CostReport, type PriceResult, type UnpricedResource } from "./types";
import { UsageBook, type UsageLayer } from "./usage";

export { CostInputError } from "./errors";
export { loadPriceTable, availableRegions, DEFAULT_DATA_DIR } from "./prices";
export { UsageBook, availableStages } from "./usage";
export type { UsageLayer } from "./usage";
export { PRICERS } from "./registry";
export type { CostLine, CostReport, Saving, UnpricedResource, UsdRange, PriceTable, Price } from "./types";

/** How to price. */
export interface PriceOptions {
    /** The region to price (default: the AWS provider's `region`, else the resources' most common, else us-east-1). */
    region?: string;
    /** Runway stage whose `data/usage-<stage>.json` layers over the by-type defaults; omit for other programs. */
    stage?: string;
    /** A usage file (partial override, merged over the defaults): its path or its layer as read; or `none` for the floor. */
    usage?: string | UsageLayer;
    /** Folder with `prices-<region>.json` and the usage files (default: the repository's `data/`). */
    dataDir?: string;
    /** Price from list prices only: every derived figure counts as 0 (how much of a total rests on derived ones). */
    listPricesOnly?: boolean;
}

/** Packages whose resources exist only in the engine (no cloud resource, no bill). */
const LOCAL_PACKAGES = new Set(["random", "tls", "time", "command"]);
/** Packages of remote (multi-language) components whose children are invisible under mocks. */
const REMOTE_COMPONENT_PACKAGES = new Set(["awsx", "eks"]);

type Kind = "aws" | "skip" | "local" | "remote" | "foreign" | "component";

/** What a type token is, for pricing purposes. */
export function classifyType(type: string, hasChildren: boolean): Kind {
    const [pkg = "", mod = ""] = type.split(":");
    if (pkg === "pulumi") return "skip";
    if (pkg === "aws") return "aws";
    if (LOCAL_PACKAGES.has(pkg)) return "local";
    if (REMOTE_COMPONENT_PACKAGES.has(pkg)) return hasChildren ? "component" : "remote";
    if (mod.includes("/")) return "foreign";
    return "component";
}

/** The region the report prices, and how it was chosen. */
function primaryRegion(resources: readonly StackResource[], option: string | undefined): { region: string; assumed: boolean } {
    if (option !== undefined) return { region: option, assumed: false };
    const providers = resources.filter((r) => r.type === "pulumi:providers:aws");
    const fromProvider = [...providers].sort((a, b) => Number(b.name.startsWith("default")) - Number(a.name.startsWith("default")))
        .map((p) => str(p.props, "region"))
        .find((region) => region !== undefined);
    if (fromProvider !== undefined) return { region: fromProvider, assumed: false };
    const counts = new Map<string, number>();
    for (const r of resources) {
        const region = str(r.props, "region") ?? str(r.providerProps, "region");
        if (r.type.startsWith("aws:") && region !== undefined) counts.set(region, (counts.get(region) ?? 0) + 1);
    }
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    return common !== undefined ? { region: common, assumed: false } : { region: "us-east-1", assumed: true };
}

/** The table a resource is priced from, and what the report must say about it. */
interface BookChoice {
    prices: PriceBook;
    /** The reference table stands in (its region has none): set for a type whose price is the same everywhere. */
    uniformNote?: string;
    /** The reference table stands in and the type's price differs by region: only a free result may stand. */
    missing?: string;
}

/**
 * The table to price a resource of `type` in `resourceRegion` from: its own region's; else the report's (or the
 * reference) table, either because the type's list price is the same everywhere (with the note saying so) or to
 * learn whether the resource is free — anything else there is unpriced, with `missing` saying why.
 */
function bookFor(type: string, resourceRegion: string, reference: PriceBook, regional: RegionalPrices): BookChoice {
    const own = regional.find(resourceRegion);
    if (own !== undefined) return { prices: own };
    const uniform = reference.table.uniformAcrossRegions?.[type];
    if (uniform !== undefined) return { prices: reference, uniformNote: uniform.note };
    return { prices: reference, missing: `no price table for region ${resourceRegion} (have: ${regional.available.join(", ")})` };
}

/** The table account-wide figures (the free egress allowance) are read from when the primary region has none. */
const REFERENCE_REGION = "us-east-1";

/** Prices every resource, each from its own region's table; see `CostReport` for the shape. Bad input throws `CostInputError`. */
export function priceResources(resources: readonly StackResource[], options: PriceOptions = {}): CostReport {
    const { region, assumed } = primaryRegion(resources, options.region);
    const regional = new RegionalPrices(options.dataDir, options.listPricesOnly === true);
    const primary = regional.find(region);
    const reference = primary ?? regional.find(REFERENCE_REGION) ?? regional.find(regional.available[0] ?? REFERENCE_REGION);
    if (reference === undefined) {
        throw new CostInputError(`no price tables in ${options.dataDir ?? "data/"}`);
    }
    const usage = UsageBook.load({ dataDir: options.dataDir, stage: options.stage, usage: options.usage });
    const ctx = new PricingContext(reference, usage, new Graph(resources), (other) => regional.find(other));
    const parents = new Set(resources.map((r) => r.parent).filter((p): p is string => p !== undefined));

    const lines: CostLine[] = [];
    /** Regions other than the report's whose own tables priced a resource. */
    const otherRegions = new Set<string>();
    const unpricedResources: UnpricedResource[] = [];
    const refuse = (r: StackResource, reason: string): void => {
        unpricedResources.push({ urn: r.urn, type: r.type, reason });
    };
    for (const r of resources) {
        const kind = classifyType(r.type, parents.has(r.urn));
        if (kind === "skip" || kind === "component") continue;
        if (kind === "local") {
            lines.push({ urn: r.urn, type: r.type, name: r.name, monthlyUsd: 0, basis: "free: computed by the Pulumi engine, no cloud resource", free: true });
            continue;
        }
        if (kind === "remote") {
            refuse(r, "remote component: the resources it creates are not visible under the mock runtime, so they are not priced (declare them with @pulumi/aws to price them)");
            continue;
        }
        if (kind === "foreign") {
            refuse(r, "not an AWS resource: no price table");
            continue;
        }
        const pricer = PRICERS.get(r.type);
        if (pricer === undefined) {
            refuse(r, "no pricer for this type");
            continue;
        }
        const resourceRegion = str(r.props, "region") ?? str(r.providerProps, "region") ?? region;
        const book = bookFor(r.type, resourceRegion, reference, regional);
        ctx.prices = book.prices;
        let result: PriceResult;
        try {
            result = pricer(r, ctx);
        } catch (err) {
            if (err instanceof MissingPrice) {
                refuse(r, book.missing ?? err.message);
                continue;
            }
            if (err instanceof CostInputError) throw err;
            refuse(r, `pricing failed: ${(err as Error).message}`);
            continue;
        }
        if (isUnpriceable(result)) {
            refuse(r, result.unpriced);
            continue;
        }
        if (book.missing !== undefined && result.free !== true) {
            refuse(r, book.missing);
            continue;
        }
        if (resourceRegion !== region && result.free !== true) {
            if (book.uniformNote === undefined) otherRegions.add(resourceRegion);
            result = { ...result, basis: `${result.basis} (in ${resourceRegion}${book.uniformNote ? `: ${book.uniformNote}` : ""})` };
        }
        lines.push({ urn: r.urn, type: r.type, name: r.name, ...result });
    }

    const absurd = lines.find((l) => !Number.isFinite(l.monthlyUsd) || !Number.isFinite(l.range?.maxUsd ?? 0));
    if (absurd !== undefined) {
        throw new CostInputError(`${absurd.name} (${absurd.type}) would cost an infinite amount: check the usage values it reads (${absurd.basis.slice(0, 120)})`);
    }
    const monthlyUsd = cents(lines.reduce((sum, l) => sum + l.monthlyUsd, 0));
    const monthlyRange = {
        minUsd: cents(lines.reduce((sum, l) => sum + (l.range?.minUsd ?? l.monthlyUsd), 0)),
        maxUsd: cents(lines.reduce((sum, l) => sum + (l.range?.maxUsd ?? l.monthlyUsd), 0)),
    };
    const assumptions = [
        primary !== undefined
            ? `List prices for ${region} as of ${primary.table.priceDate} (data/prices-${region}.json): on-demand, Linux, no free tier except the first 100 GB/month of internet egress, no Savings Plans or Reserved Instances, before tax.`
            : `No price table for ${region} (have: ${regional.available.join(", ")}): its resources are listed as unpriced, and the policy verdicts are unaffected.`,
        ...[...otherRegions].map((other) => `Resources in ${other} are priced from data/prices-${other}.json (list prices of ${regional.find(other)?.table.priceDate ?? "?"}).`),
        `A month is ${qty(reference.hours)} hours; every declared resource runs all month unless a schedule says otherwise.`,
        usage.none
            ? "--usage none: the floor. Usage-based parts are priced at 0 and marked needsUsage; autoscaled capacity sits at its minimum."
            : `Usage assumptions from ${usage.files.join(" < ")} (later files win); each usage-based figure names its source in basis.`,
        ...(assumed ? ["No region declared (no AWS provider region in the program): priced as us-east-1."] : []),
        ...ctx.assumptions,
    ];
    return {
        monthlyUsd,
        currency: "USD",
        region,
        priceDate: primary?.table.priceDate ?? "",
        lines,
        unpriced: [...new Set(unpricedResources.map((u) => u.type))],
        unpricedResources,
        monthlyRange,
        savings: [...ctx.savings].sort((a, b) => b.withoutUsd - b.withUsd - (a.withoutUsd - a.withUsd)),
        assumptions,
        usage: { mode: usage.none ? "none" : "assumed", files: usage.files },
    };
}

/** The `n` most expensive lines. */
export function topLines(report: CostReport, n = 3): CostLine[] {
    return [...report.lines].sort((a, b) => b.monthlyUsd - a.monthlyUsd).slice(0, n);
}
