/**
 * The price tables one report reads: one per region its resources live in, each loaded on first use. A region
 * with no table is not an error: its resources are reported as unpriced, and the plan still judges.
 */
import { availableRegions, listPricesOnly, loadPriceTable, PriceBook } from "./prices";

export class RegionalPrices {
    private readonly books = new Map<string, PriceBook | undefined>();
    private readonly regions: ReadonlySet<string>;

    /** `listOnly`: every derived figure reads as 0 (`listPricesOnly`). */
    constructor(
        private readonly dataDir?: string,
        private readonly listOnly = false,
    ) {
        this.regions = new Set(availableRegions(dataDir));
    }

    /** The region's book, or undefined when `data/` has no table for it. A malformed table is a `CostInputError`. */
    find(region: string): PriceBook | undefined {
        if (!this.books.has(region)) {
            const table = this.regions.has(region) ? loadPriceTable(region, this.dataDir) : undefined;
            this.books.set(region, table === undefined ? undefined : new PriceBook(this.listOnly ? listPricesOnly(table) : table));
        }
        return this.books.get(region);
    }

    /** Regions with a table. */
    get available(): string[] {
        return [...this.regions];
    }
}
