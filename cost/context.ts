/** What every pricer gets: prices, usage, the resource graph, and a place to put savings and assumptions. */
import type { Graph } from "../model/graph";
import type { StackResource } from "../model/resource";
import { cents, qty, usd } from "./format";
import type { PriceBook } from "./prices";
import type { PricedLine, PriceResult, Saving, UsdRange } from "./types";
import type { UsageBook, UsageReading } from "./usage";
import type { UsageKey } from "./usage-keys";

/**
 * Shared state of one pricing run. `prices` is the table of the region of the resource being priced: the run
 * sets it before each pricer call, so a pricer always reads its own resource's region.
 */
export class PricingContext {
    readonly savings: Saving[] = [];
    private readonly assumptionSet = new Set<string>();
    /** Account-wide free internet egress still unused (GB); the first entry point to send traffic uses it. */
    freeEgressGbLeft: number;
    /** Budgets and action-enabled budgets seen so far (the first two of each are free). */
    budgetsSeen = 0;
    actionBudgetsSeen = 0;
    trailsSeen = 0;

    constructor(
        public prices: PriceBook,
        readonly usage: UsageBook,
        readonly graph: Graph,
        /** Another region's table, for the parts of a resource that live there (global table replicas). */
        readonly pricesIn: (region: string) => PriceBook | undefined = () => undefined,
    ) {
        this.freeEgressGbLeft = prices.usd("network", "dataTransferOut.freeGb");
    }

    get hours(): number {
        return this.prices.hours;
    }

    /** Reads a usage value for `r`. */
    use(key: UsageKey, r: StackResource): UsageReading {
        return this.usage.read(key, r.name);
    }

    /** Records an assumption the figures rest on (deduplicated). */
    assume(text: string): void {
        this.assumptionSet.add(text);
    }

    get assumptions(): string[] {
        return [...this.assumptionSet];
    }

    /** Records a savings comparison (skipped when the two figures are equal). */
    saving(entry: Saving): void {
        const rounded = { ...entry, withUsd: cents(entry.withUsd), withoutUsd: cents(entry.withoutUsd) };
        if (rounded.withUsd !== rounded.withoutUsd) this.savings.push(rounded);
    }

    /** Starts a line. */
    line(): LineBuilder {
        return new LineBuilder();
    }
}

/** Builds a line from parts, each with its arithmetic. */
export class LineBuilder {
    private readonly parts: string[] = [];
    private total = 0;
    private usageBased = false;
    private needsUsage = false;
    private rangeValue: UsdRange | undefined;

    /** A declared part (hours, provisioned capacity, per-resource fee). */
    fixed(amountUsd: number, text: string): this {
        this.total += amountUsd;
        this.parts.push(text);
        return this;
    }

    /** A usage-based part: `quantity unit × $price/unit (label)`; under `--usage none` it is 0 and says so. */
    usage(reading: UsageReading, price: number, unit: string, what: string): this {
        this.usageBased = true;
        if (reading.none) {
            this.needsUsage = true;
            this.parts.push(`${what}: 0 (usage: none)`);
            return this;
        }
        const amount = reading.value * price;
        this.total += amount;
        this.parts.push(`${what}: ${qty(reading.value)} ${unit} × ${usd(price)}/${unit} (${reading.label})`);
        return this;
    }

    /** A usage-based hourly part: `avg 1 LCU × 730 h × $0.008/LCU-h (label)`. */
    usageHourly(reading: UsageReading, hours: number, price: number, unit: string, what: string): this {
        this.usageBased = true;
        if (reading.none) {
            this.needsUsage = true;
            this.parts.push(`${what}: 0 (usage: none)`);
            return this;
        }
        this.total += reading.value * hours * price;
        this.parts.push(`${what}: avg ${qty(reading.value)} ${unit} × ${qty(hours)} h × ${usd(price)}/${unit}-h (${reading.label})`);
        return this;
    }

    /** A usage-based part whose arithmetic the caller already did. */
    usageAmount(amountUsd: number, text: string, none: boolean): this {
        this.usageBased = true;
        if (none) this.needsUsage = true;
        this.total += amountUsd;
        this.parts.push(text);
        return this;
    }

    range(range: UsdRange): this {
        this.rangeValue = { minUsd: cents(range.minUsd), maxUsd: cents(range.maxUsd) };
        return this;
    }

    get amount(): number {
        return this.total;
    }

    build(): PricedLine {
        const line: PricedLine = { monthlyUsd: cents(this.total), basis: this.parts.join(" + ") };
        if (this.usageBased) line.usageBased = true;
        if (this.needsUsage) line.needsUsage = true;
        if (this.rangeValue !== undefined) line.range = this.rangeValue;
        return line;
    }
}

/** A free resource's line. */
export function free(why = "free"): PricedLine {
    return { monthlyUsd: 0, basis: why === "free" ? "free" : `free: ${why}`, free: true };
}

/** Hours text: `730 h`. */
export function hoursText(hours: number): string {
    return `${qty(hours)} h`;
}

/** A pricer: one resource in, a line or a refusal out. */
export type Pricer = (r: StackResource, ctx: PricingContext) => PriceResult;
