/**
 * The resource-type catalogue behind the transition engine, read from `data/replacement-properties.json`:
 * which types hold data, which input properties force a replacement, and the recipe that saves the data.
 */
import catalogJson from "../data/replacement-properties.json";
import type { Recipe } from "./types";

/** One replacement-forcing property and where that fact comes from. */
export interface ReplacementProperty {
    /** Input property path (`engine`, `rootBlockDevice.encrypted`). */
    property: string;
    /** Provider schema / docs reference. */
    source: string;
    /** Only forces replacement when this boolean input is true (e.g. `userDataReplaceOnChange`). */
    onlyIf?: string;
}

/** What the catalogue knows about one type. */
export interface TypeInfo {
    stateful: boolean;
    /** What the resource holds (for reasons: "deleting it loses ..."). */
    holds?: string;
    /** Anchor of the recipe in docs/growth.md. */
    recipe?: string;
    /** Inputs that make a new resource start from another's snapshot. */
    restoreProperties: string[];
    /** Types whose snapshots this type can restore from. */
    restoresFrom: string[];
    replaceOnChange: ReplacementProperty[];
}

/** Titles of the recipes in docs/growth.md, by anchor (a test checks each anchor exists in the doc). */
export const RECIPE_TITLES: Readonly<Record<string, string>> = {
    "recipe-ec2-postgres-to-rds": "EC2-local PostgreSQL → RDS (dump, restore, side-by-side cut-over)",
    "recipe-rds-to-aurora": "RDS PostgreSQL → Aurora (snapshot restore via snapshotIdentifier)",
    "recipe-aurora-snapshot": "Aurora cluster (snapshot, restore, cut-over)",
    "recipe-redis-snapshot": "Redis (snapshot, restore into the new group)",
    "recipe-s3-bucket": "S3 bucket (keep the name, or copy then cut over)",
    "recipe-kms-key": "KMS key (never delete a key that still encrypts data)",
    "recipe-ecr-repository": "ECR repository (copy images before the old one goes)",
    "recipe-secret": "Secrets Manager secret (copy, or restore within the recovery window)",
    "recipe-log-archive": "Log archive (export before the log group goes)",
    "recipe-backup-vault": "AWS Backup vault (recovery points)",
    "recipe-ebs-volume": "EBS volume (snapshot, create from snapshotId)",
    "recipe-queue-drain": "SQS queue (drain before replacing)",
    "recipe-generic-side-by-side": "Any other data store (side by side until cut-over)",
};

const DEFAULT_RECIPE = "recipe-generic-side-by-side";

function asStrings(value: unknown, where: string): string[] {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
        throw new Error(`data/replacement-properties.json ${where}: expected an array of strings`);
    }
    return value as string[];
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new Error(`data/replacement-properties.json ${where}: expected an object`);
    }
    return value as Record<string, unknown>;
}

function parseProperty(value: unknown, where: string): ReplacementProperty {
    const entry = asRecord(value, where);
    if (typeof entry.property !== "string" || typeof entry.source !== "string" || entry.source.length === 0) {
        throw new Error(`data/replacement-properties.json ${where}: each entry needs "property" and a non-empty "source"`);
    }
    const result: ReplacementProperty = { property: entry.property, source: entry.source };
    if (typeof entry.onlyIf === "string") result.onlyIf = entry.onlyIf;
    return result;
}

/** Parses the catalogue document; throws naming the type and field when it is malformed. */
export function parseCatalog(doc: unknown): Map<string, TypeInfo> {
    const types = asRecord(asRecord(doc, "top level").types, "types");
    const result = new Map<string, TypeInfo>();
    for (const [type, raw] of Object.entries(types)) {
        const entry = asRecord(raw, type);
        if (typeof entry.stateful !== "boolean") {
            throw new Error(`data/replacement-properties.json ${type}: "stateful" must be true or false`);
        }
        const recipe = typeof entry.recipe === "string" ? entry.recipe : undefined;
        if (recipe !== undefined && RECIPE_TITLES[recipe] === undefined) {
            throw new Error(`data/replacement-properties.json ${type}: unknown recipe "${recipe}" (known: ${Object.keys(RECIPE_TITLES).join(", ")})`);
        }
        const forced = [...(Array.isArray(entry.replaceOnChange) ? entry.replaceOnChange : []), ...(Array.isArray(entry.replaceWhen) ? entry.replaceWhen : [])];
        result.set(type, {
            stateful: entry.stateful,
            holds: typeof entry.holds === "string" ? entry.holds : undefined,
            recipe,
            restoreProperties: asStrings(entry.restoreProperties, `${type}.restoreProperties`),
            restoresFrom: asStrings(entry.restoresFrom, `${type}.restoresFrom`),
            replaceOnChange: forced.map((p, i) => parseProperty(p, `${type}.replaceOnChange[${i}]`)),
        });
    }
    return result;
}

const CATALOG = parseCatalog(catalogJson);

/** What the catalogue says about `type`; unknown types are stateless with no replacement-forcing property. */
export function typeInfo(type: string): TypeInfo {
    return CATALOG.get(type) ?? { stateful: false, restoreProperties: [], restoresFrom: [], replaceOnChange: [] };
}

/** True when `type` holds data. */
export function isStateful(type: string): boolean {
    return typeInfo(type).stateful;
}

/** Every type the catalogue marks stateful. */
export function statefulTypes(): string[] {
    return [...CATALOG.entries()].filter(([, info]) => info.stateful).map(([type]) => type);
}

/** The recipe for a stateful `type` (the generic side-by-side one when the type has none). */
export function recipeFor(type: string): Recipe {
    const anchor = typeInfo(type).recipe ?? DEFAULT_RECIPE;
    return { title: RECIPE_TITLES[anchor] ?? anchor, doc: `docs/growth.md#${anchor}` };
}
