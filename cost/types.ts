/**
 * The cost model's vocabulary: the price table, usage assumptions, and the report (`CostReport` is the
 * `cost` object of the plan's JSON contract; field names there are fixed, the extra fields are additions).
 */

/** How a figure that is not a list price was computed (`data/prices-<region>.json`, docs/prices.md). */
export interface DerivedPrice {
    /** What it was computed from: a region (`us-east-1`), another item, or a dataset. */
    from: string;
    /** The factor applied to `from` (1 for "same as"). */
    ratio: number;
    /** How far off the figure may be, in per cent of itself. */
    boundPct: number;
    /** The method in words: which ratio, measured on what. */
    method: string;
}

/** One price (a list price unless `derived` says otherwise). */
export interface Price {
    /** US dollars per `unit` (for a few entries, a quantity or factor: the unit says so). */
    usd: number;
    /** What one unit is, e.g. `instance-hour`, `GB-month`. */
    unit: string;
    /** The official AWS pricing page the price comes from. */
    source: string;
    note?: string;
    /** The offline dataset the figure was read from: a key of the table's `sources`. */
    dataset?: string;
    /** ISO date of the figure (the dataset's or page's date). */
    asOf?: string;
    /** Present when the figure is computed, not read: never a list price. */
    derived?: DerivedPrice;
}

/** An offline dataset a table's figures were read from (its code and files are not part of Runway). */
export interface PriceSource {
    repo: string;
    path: string;
    /** Commit the figures were read at (empty for this repository's own earlier table). */
    commit: string;
    /** ISO date of that commit or of the data. */
    date: string;
    licence?: string;
    note?: string;
}

/**
 * One family in the compact file shape: defaults for its items, and items as a bare number (all defaults apply)
 * or an object overriding some of them.
 */
export interface PriceFamily {
    unit?: string;
    source?: string;
    dataset?: string;
    asOf?: string;
    note?: string;
    derived?: DerivedPrice;
    items: Record<string, number | (Partial<Omit<Price, "usd">> & { usd: number })>;
}

/** A dated price table for one region (`data/prices-<region>.json`). */
export interface PriceTable {
    region: string;
    currency: "USD";
    /** ISO date the prices were read. */
    priceDate: string;
    /** Hours in a billing month (AWS uses 730). */
    hoursPerMonth: number;
    description: string;
    /**
     * family → item → price, e.g. `ec2Instance` → `t4g.micro`. A file may give it directly (the original shape)
     * or as `families` (the compact shape); a loaded table always has it.
     */
    prices: Record<string, Record<string, Price>>;
    /** The compact shape as written in the file (absent for a table in the original shape). */
    families?: Record<string, PriceFamily>;
    /** Offline datasets the figures were read from, by the key items name in `dataset`. */
    sources?: Record<string, PriceSource>;
    /** Types whose list price is the same in every commercial region, so a resource elsewhere is priced here. */
    uniformAcrossRegions?: Record<string, { source: string; note: string }>;
}

/** A low..high monthly figure (autoscaled services, serverless capacity). */
export interface UsdRange {
    minUsd: number;
    maxUsd: number;
}

/** One priced resource: what its pricer said, and which resource it is. */
export interface CostLine extends PricedLine {
    urn: string;
    type: string;
    /** Logical name. */
    name: string;
}

/** A resource that could not be priced, and why. */
export interface UnpricedResource {
    urn: string;
    type: string;
    reason: string;
}

/** One "why this stage costs what it costs" entry: what a design choice saves (or costs). */
export interface Saving {
    title: string;
    /** The resource the comparison is about. */
    urn: string;
    /** Monthly cost with the choice the program made. */
    withUsd: number;
    /** Monthly cost without it (the alternative named in the title). */
    withoutUsd: number;
    explanation: string;
}

/** The cost model's answer for one stack. */
export interface CostReport {
    monthlyUsd: number;
    currency: "USD";
    region: string;
    priceDate: string;
    lines: CostLine[];
    /** Resource types (each once) with at least one resource that could not be priced. */
    unpriced: string[];
    /** Each unpriced resource with its reason. */
    unpricedResources: UnpricedResource[];
    /** The total with every ranged line at its minimum and at its maximum. */
    monthlyRange: UsdRange;
    savings: Saving[];
    /** Every assumption the figures rest on, in words. */
    assumptions: string[];
    /** Which usage files were layered (lowest first), or `none`. */
    usage: { mode: "assumed" | "none"; files: string[] };
}

/** What a pricer says about one resource. */
export interface PricedLine {
    /** Monthly cost in USD, rounded to the cent. */
    monthlyUsd: number;
    /** The arithmetic in words, e.g. `730 h × $0.0084/h (t4g.micro)`. */
    basis: string;
    /** True when part of the figure comes from a usage assumption. */
    usageBased?: boolean;
    /** True when a usage-based part was priced at zero because no usage was given (`--usage none`). */
    needsUsage?: boolean;
    /** True when the resource costs nothing by itself. */
    free?: boolean;
    /** The monthly range between the declared minimum and maximum capacity. */
    range?: UsdRange;
}

/** A pricer's refusal: the resource cannot be priced, with the reason. */
export interface Unpriceable {
    unpriced: string;
}

export type PriceResult = PricedLine | Unpriceable;

/** True when a pricer refused. */
export function isUnpriceable(result: PriceResult): result is Unpriceable {
    return "unpriced" in result;
}
