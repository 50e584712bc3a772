/** Loading, validating and reading the dated price table (`data/prices-<region>.json`). */
import * as fs from "fs";
import * as path from "path";
import { isRecord } from "../model/wire";
import { CostInputError, MissingPrice } from "./errors";
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const AWS_PAGE = /^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//;
const PRICE_FIELDS = new Set(["usd", "unit", "source", "note", "dataset", "asOf", "derived"]);

/**
 * Checks the shape of a price table; every problem names the file and the field. A table gives its prices either
 * as `prices` (family → item → `{ usd, unit, source }`) or as compact `families` (family-level `unit`, `source`,
 * `dataset`, `asOf`, `derived` defaults; items as numbers or overriding objects), or both (no item twice). The
 * returned table always has `prices`, each price with its defaults filled in.
 */
export function validatePriceTable(value: unknown, file: string): PriceTable {
    const fail = (field: string, problem: string): never => {
        throw new CostInputError(`${file}: ${field} ${problem}`);
    };
    if (!isRecord(value)) return fail("(top level)", "must be an object");
    if (typeof value.region !== "string" || value.region === "") fail("region", "must be a region name");
    if (value.currency !== "USD") fail("currency", `must be "USD"`);
    if (typeof value.priceDate !== "string" || !ISO_DATE.test(value.priceDate)) {
        fail("priceDate", "must be an ISO date (YYYY-MM-DD)");
    }
    if (typeof value.hoursPerMonth !== "number" || value.hoursPerMonth <= 0) fail("hoursPerMonth", "must be a positive number");
    if (typeof value.description !== "string") fail("description", "must be a string");
    if (value.prices === undefined && value.families === undefined) return fail("prices", "must be an object of price families (or give families)");

    const sources = value.sources;
    if (sources !== undefined) {
        if (!isRecord(sources)) return fail("sources", "must map dataset keys to { repo, path, commit, date }");
        for (const [key, src] of Object.entries(sources)) {
            const field = `sources["${key}"]`;
            if (!isRecord(src)) return fail(field, "must be { repo, path, commit, date }");
            for (const name of ["repo", "path", "commit"]) {
                if (typeof src[name] !== "string") fail(`${field}.${name}`, "must be a string");
            }
            if (src.repo === "") fail(`${field}.repo`, "must name the repository");
            if (typeof src.date !== "string" || !ISO_DATE.test(src.date)) fail(`${field}.date`, "must be an ISO date (YYYY-MM-DD)");
        }
    }
    const checkDerived = (field: string, d: unknown): void => {
        if (!isRecord(d)) return fail(field, "must be { from, ratio, boundPct, method }");
        if (typeof d.from !== "string" || d.from === "") fail(`${field}.from`, "must say what the figure is derived from");
        if (typeof d.ratio !== "number" || !Number.isFinite(d.ratio) || d.ratio <= 0) fail(`${field}.ratio`, "must be a positive number");
        if (typeof d.boundPct !== "number" || !Number.isFinite(d.boundPct) || d.boundPct < 0 || d.boundPct > 100) {
            fail(`${field}.boundPct`, "must be a number from 0 to 100");
        }
        if (typeof d.method !== "string" || d.method === "") fail(`${field}.method`, "must describe the method");
    };
    /** Checks one complete price (defaults applied). */
    const checkPrice = (field: string, price: Record<string, unknown>): void => {
        if (typeof price.usd !== "number" || !Number.isFinite(price.usd) || price.usd < 0) {
            fail(`${field}.usd`, "must be a non-negative number");
        }
        if (typeof price.unit !== "string" || price.unit === "") fail(`${field}.unit`, "must name the unit");
        if (typeof price.source !== "string" || !AWS_PAGE.test(price.source)) {
            fail(`${field}.source`, "must be an https://aws.amazon.com/ or https://docs.aws.amazon.com/ URL");
        }
        if (price.note !== undefined && typeof price.note !== "string") fail(`${field}.note`, "must be a string");
        if (price.asOf !== undefined && (typeof price.asOf !== "string" || !ISO_DATE.test(price.asOf))) {
            fail(`${field}.asOf`, "must be an ISO date (YYYY-MM-DD)");
        }
        if (price.dataset !== undefined) {
            if (typeof price.dataset !== "string" || price.dataset === "") fail(`${field}.dataset`, "must name a dataset");
            const key = (price.dataset as string).split(":")[0];
            if (!isRecord(sources) || sources[key] === undefined) fail(`${field}.dataset`, `names "${key}", which sources does not list`);
        }
        if (price.derived !== undefined) checkDerived(`${field}.derived`, price.derived);
    };

    const prices: Record<string, Record<string, Price>> = {};
    if (value.prices !== undefined) {
        if (!isRecord(value.prices)) return fail("prices", "must be an object of price families");
        for (const [family, items] of Object.entries(value.prices)) {
            if (!isRecord(items)) return fail(`prices.${family}`, "must be an object of prices");
            prices[family] = {};
            for (const [item, price] of Object.entries(items)) {
                const field = `prices.${family}["${item}"]`;
                if (!isRecord(price)) return fail(field, "must be an object { usd, unit, source }");
                checkPrice(field, price);
                prices[family][item] = price as unknown as Price;
            }
        }
    }
    if (value.families !== undefined) {
        if (!isRecord(value.families)) return fail("families", "must be an object of price families");
        for (const [family, fam] of Object.entries(value.families)) {
            const ffield = `families.${family}`;
            if (!isRecord(fam) || !isRecord(fam.items)) return fail(ffield, "must be { unit?, source?, dataset?, asOf?, derived?, items }");
            for (const key of Object.keys(fam)) {
                if (key !== "items" && !PRICE_FIELDS.has(key)) fail(`${ffield}.${key}`, "is not a family field");
            }
            if (fam.usd !== undefined) fail(`${ffield}.usd`, "belongs on an item");
            const defaults: Record<string, unknown> = { ...fam };
            delete defaults.items;
            const target = (prices[family] ??= {});
            for (const [item, entry] of Object.entries(fam.items)) {
                const field = `${ffield}.items["${item}"]`;
                if (target[item] !== undefined) fail(field, "is given twice");
                let own: Record<string, unknown>;
                if (typeof entry === "number") own = { usd: entry };
                else if (isRecord(entry)) own = entry;
                else return fail(field, "must be a number or { usd, ... }");
                for (const key of Object.keys(own)) {
                    if (!PRICE_FIELDS.has(key)) fail(`${field}.${key}`, "is not a price field");
                }
                const price = { ...defaults, ...own };
                checkPrice(field, price);
                target[item] = price as unknown as Price;
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
    return { ...(value as unknown as PriceTable), prices };
}

/** The table with every derived figure at 0: pricing with it leaves only the list-price part of each line. */
export function listPricesOnly(table: PriceTable): PriceTable {
    const prices: PriceTable["prices"] = {};
    for (const [family, items] of Object.entries(table.prices)) {
        prices[family] = Object.fromEntries(Object.entries(items).map(([item, price]) => [item, price.derived !== undefined ? { ...price, usd: 0 } : price]));
    }
    return { ...table, prices };
}

/** How a family reads in a "no price" message: `db.r7g.large (rds.postgres)`. */
const FAMILY_LABELS: Record<string, string> = {
    ec2Instance: "ec2",
    rdsPostgresSingleAz: "rds.postgres",
    rdsPostgresMultiAz: "rds.postgres, Multi-AZ",
    rdsMysqlSingleAz: "rds.mysql",
    rdsMysqlMultiAz: "rds.mysql, Multi-AZ",
    rdsMariadbSingleAz: "rds.mariadb",
    rdsMariadbMultiAz: "rds.mariadb, Multi-AZ",
    auroraPostgresInstance: "aurora.postgresql",
    auroraPostgresInstanceIoOptimized: "aurora.postgresql, I/O-Optimized",
    elasticacheRedis: "elasticache.redis",
    elasticacheValkey: "elasticache.valkey",
    elasticacheMemcached: "elasticache.memcached",
};

/** The family as a message names it. */
export function familyLabel(family: string): string {
    return FAMILY_LABELS[family] ?? family;
}

/** Read access to a loaded table. */
export class PriceBook {
    constructor(readonly table: PriceTable) {}

    get hours(): number {
        return this.table.hoursPerMonth;
    }

    get region(): string {
        return this.table.region;
    }

    /** The price, or undefined when the table has none (e.g. an instance type it does not list). */
    find(family: string, item: string): Price | undefined {
        return this.table.prices[family]?.[item];
    }

    /** The price; a missing entry is a `MissingPrice` naming the item, its family and the region. */
    get(family: string, item: string): Price {
        const price = this.find(family, item);
        if (price === undefined) {
            throw new MissingPrice(`no price for ${item} (${familyLabel(family)}) in ${this.table.region}`);
        }
        return price;
    }

    /** The price in USD; a missing entry is a `MissingPrice` (the resource is reported unpriced, never at zero). */
    usd(family: string, item: string): number {
        return this.get(family, item).usd;
    }

    /** True when the figure is derived (not a list price). */
    isDerived(family: string, item: string): boolean {
        return this.find(family, item)?.derived !== undefined;
    }
}
