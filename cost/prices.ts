/** Loading, validating and reading the dated price table (`data/prices-<region>.json`). */
import * as fs from "fs";
import * as path from "path";
import { isRecord } from "../policies/lib/wire";
import { CostInputError } from "./errors";
import type { Price, PriceTable } from "./types";

/** The repository's data folder, where price tables and usage files live. */
export const DEFAULT_DATA_DIR = path.resolve(__dirname, "..", "data");

/** Regions with a price table in `dataDir`. */
export function availableRegions(dataDir: string = DEFAULT_DATA_DIR): string[] {
    if (!fs.existsSync(dataDir)) return [];
    return fs
        .readdirSync(dataDir)
        .map((file) => /^prices-(.+)\.json$/.exec(file)?.[1])
        .filter((region): region is string => region !== undefined)
        .sort();
}

/** Reads and validates the price table for `region`; a region without one is a `CostInputError`. */
export function loadPriceTable(region: string, dataDir: string = DEFAULT_DATA_DIR): PriceTable {
    const file = path.join(dataDir, `prices-${region}.json`);
    if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region) || !fs.existsSync(file)) {
        throw new CostInputError(`no price table for region ${region} (have: ${availableRegions(dataDir).join(", ") || "none"})`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new CostInputError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    const table = validatePriceTable(parsed, file);
    if (table.region !== region) {
        throw new CostInputError(`${file}: region is "${table.region}", expected "${region}"`);
    }
    return table;
}

/** Checks the shape of a price table; every problem names the file and the field. */
export function validatePriceTable(value: unknown, file: string): PriceTable {
    const fail = (field: string, problem: string): never => {
        throw new CostInputError(`${file}: ${field} ${problem}`);
    };
    if (!isRecord(value)) return fail("(top level)", "must be an object");
    if (typeof value.region !== "string" || value.region === "") fail("region", "must be a region name");
    if (value.currency !== "USD") fail("currency", `must be "USD"`);
    if (typeof value.priceDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value.priceDate)) {
        fail("priceDate", "must be an ISO date (YYYY-MM-DD)");
    }
    if (typeof value.hoursPerMonth !== "number" || value.hoursPerMonth <= 0) fail("hoursPerMonth", "must be a positive number");
    if (typeof value.description !== "string") fail("description", "must be a string");
    if (!isRecord(value.prices)) return fail("prices", "must be an object of price families");
    for (const [family, items] of Object.entries(value.prices)) {
        if (!isRecord(items)) return fail(`prices.${family}`, "must be an object of prices");
        for (const [item, price] of Object.entries(items)) {
            const field = `prices.${family}["${item}"]`;
            if (!isRecord(price)) return fail(field, "must be an object { usd, unit, source }");
            if (typeof price.usd !== "number" || !Number.isFinite(price.usd) || price.usd < 0) {
                fail(`${field}.usd`, "must be a non-negative number");
            }
            if (typeof price.unit !== "string" || price.unit === "") fail(`${field}.unit`, "must name the unit");
            if (typeof price.source !== "string" || !/^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//.test(price.source)) {
                fail(`${field}.source`, "must be an https://aws.amazon.com/ or https://docs.aws.amazon.com/ URL");
            }
        }
    }
    if (value.uniformAcrossRegions !== undefined) {
        if (!isRecord(value.uniformAcrossRegions)) return fail("uniformAcrossRegions", "must map type tokens to { source, note }");
        for (const [type, entry] of Object.entries(value.uniformAcrossRegions)) {
            if (!isRecord(entry) || typeof entry.source !== "string" || typeof entry.note !== "string") {
                fail(`uniformAcrossRegions["${type}"]`, "must be { source, note }");
            }
        }
    }
    return value as unknown as PriceTable;
}

/** Read access to a loaded table. */
export class PriceBook {
    constructor(readonly table: PriceTable) {}

    get hours(): number {
        return this.table.hoursPerMonth;
    }

    /** The price, or undefined when the table has none (e.g. an instance type it does not list). */
    find(family: string, item: string): Price | undefined {
        return this.table.prices[family]?.[item];
    }

    /** The price in USD; a missing entry is a bug in the table, reported with the key. */
    usd(family: string, item: string): number {
        const price = this.find(family, item);
        if (price === undefined) {
            throw new CostInputError(`price table for ${this.table.region} has no prices.${family}["${item}"]`);
        }
        return price.usd;
    }
}
