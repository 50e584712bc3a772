/**
 * The price tables one report reads: one per region its resources live in, each loaded on first use. A region
 * with no table is not an error: its resources are reported as unpriced (`MissingPrice`), and the plan still judges.
 */
import { MissingPrice } from "./errors";
import { availableRegions, loadPriceTable, PriceBook } from "./prices";

export class RegionalPrices {
    private readonly books = new Map<string, PriceBook | undefined>();
    private readonly regions: ReadonlySet<string>;

    constructor(private readonly dataDir?: string) {
        this.regions = new Set(availableRegions(dataDir));
    }

    /** The region's book, or undefined when `data/` has no table for it. A malformed table is a `CostInputError`. */
    find(region: string): PriceBook | undefined {
        if (!this.books.has(region)) {
            this.books.set(region, this.regions.has(region) ? new PriceBook(loadPriceTable(region, this.dataDir)) : undefined);
        }
        return this.books.get(region);
    }

    /** The region's book; a region without a table is a `MissingPrice`. */
    get(region: string): PriceBook {
        const book = this.find(region);
        if (book === undefined) {
            throw new MissingPrice(`no price table for region ${region} (have: ${[...this.regions].join(", ") || "none"})`);
        }
        return book;
    }

    /** Regions with a table. */
    get available(): string[] {
        return [...this.regions];
    }
}
