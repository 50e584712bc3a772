/**
 * Usage assumptions: `data/usage-by-type.json` (defaults by resource type), then `data/usage-<stage>.json`
 * for Runway's own stages, then a user's `--usage <file>` (partial, merged over the rest). `--usage none`
 * uses no assumptions at all: the floor.
 *
 * File shape: `{ description, fields: { "<key>": { value, description } }, byName: { "<name part>":
 * { "<key>": { value, description } } } }`. A `byName` entry applies to resources whose logical name contains
 * the name part (the longest match wins). In a user file a field may be a bare number and descriptions are
 * optional. Precedence: the user file, then the stage file, then the defaults; within a file, `byName` first.
 *
 * A user file may be JSON or YAML (`.yml`/`.yaml`), in Runway's shape or as an **Infracost usage file**
 * (`version: 0.1`, `resource_usage` keyed by logical name; `./infracost-usage.ts`). An Infracost entry applies to the
 * resource of exactly that name (or the names its wildcard matches) and wins over `byName` and `fields`; its type
 * defaults (`resource_type_default_usage`) become the layer's `fields`. Whether each name and key fits the program
 * is checked against its resources by `checkUsageLayer`. A user file is read once (`readUsageFile`): the check and
 * `UsageBook.load` take the layer read.
 */
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { isRecord } from "../model/wire";
import { CostInputError } from "./errors";
import { checkInfracostAgainst, convertValues, isInfracostShape, parseInfracostDocument, pulumiTypesOf, type InfracostDocument, type NamedResource } from "./infracost-usage";
import { qty } from "./format";
import { DEFAULT_DATA_DIR } from "./prices";
import { isUsageKey, MAX_USAGE_VALUE, NULLABLE_USAGE_KEYS, plausibleUsage, USAGE_KEYS, type UsageKey } from "./usage-keys";

/** Keys whose value is a fraction of a whole. */
const FRACTION_KEYS: ReadonlySet<UsageKey> = new Set<UsageKey>([
    "ecs.avgTaskFraction",
    "asg.avgInstanceFraction",
    "logs.storedCompressionRatio",
]);

/** One assumption as written in a file. */
export interface UsageEntry {
    value: number | null;
    description?: string;
    /** Where in the file the value came from, when not `fields` (e.g. `resource_usage["worker"]`). */
    where?: string;
    /** How it was converted (Infracost files), e.g. `monthly_requests 100,000 ÷ 1,000,000`. */
    from?: string;
}

/** Usage fields by Runway key. */
export type UsageFields = Partial<Record<UsageKey, UsageEntry>>;

/** Fields for the resources whose logical names a wildcard matches. */
export interface UsagePattern {
    key: string;
    pattern: RegExp;
    fields: UsageFields;
}

/** One parsed usage file. */
export interface UsageLayer {
    /** The file's name as shown in `basis` (base name for data files, the path given for user files). */
    file: string;
    description?: string;
    fields: UsageFields;
    byName: Record<string, UsageFields>;
    /** Fields for the resource of exactly this logical name (Infracost `resource_usage`); wins over `byName`. */
    exact?: Record<string, UsageFields>;
    /** Fields for wildcard names (Infracost `name[*]`), longest pattern first; after `exact`, before `byName`. */
    patterns?: UsagePattern[];
    /** The Infracost document the layer was converted from, for `checkUsageLayer`. */
    infracost?: InfracostDocument;
}

/** A usage value as a pricer sees it. */
export interface UsageReading {
    /** The value (0 under `--usage none`). */
    value: number;
    /** Where it came from, for `basis`: `usage-hero.json: s3.gbStored 20` or `usage: none`. */
    label: string;
    /** True under `--usage none`. */
    none: boolean;
}

/** Where to find usage assumptions. */
export interface UsageOptions {
    /** Folder with `usage-by-type.json` and `usage-<stage>.json`. */
    dataDir?: string;
    /** Runway stage whose usage file layers over the defaults; omit for programs that are not Runway's. */
    stage?: string;
    /** A user usage file: its path, or the layer already read from it (`readUsageFile`); or `none` for the floor. */
    usage?: string | UsageLayer;
}

/** Parses and validates one usage file's content. `strict` (the repository's data files) requires descriptions. */
export function parseUsageLayer(value: unknown, file: string, strict: boolean): UsageLayer {
    const fail = (field: string, problem: string): never => {
        throw new CostInputError(`${file}: ${field} ${problem}`);
    };
    if (!isRecord(value)) return fail("(top level)", "must be an object { description, fields, byName }");
    for (const key of Object.keys(value)) {
        if (!["description", "fields", "byName", "$schema"].includes(key)) {
            fail(key, "is not allowed (allowed: description, fields, byName)");
        }
    }
    if (strict && typeof value.description !== "string") fail("description", "must describe the file");
    if (value.description !== undefined && typeof value.description !== "string") fail("description", "must be a string");
    const parseFields = (bag: unknown, where: string): Partial<Record<UsageKey, UsageEntry>> => {
        if (bag === undefined) return {};
        if (!isRecord(bag)) return fail(where, "must be an object of usage fields");
        const out: Partial<Record<UsageKey, UsageEntry>> = {};
        for (const [key, raw] of Object.entries(bag)) {
            const field = `${where}["${key}"]`;
            if (!isUsageKey(key)) return fail(field, `is not a known usage field (known: ${USAGE_KEYS.join(", ")})`);
            const entry: UsageEntry = typeof raw === "number" && !strict ? { value: raw } : parseEntry(raw, field);
            checkValue(key, entry.value, field);
            out[key] = entry;
        }
        return out;
    };
    const parseEntry = (raw: unknown, field: string): UsageEntry => {
        if (!isRecord(raw)) {
            return fail(field, strict ? "must be { value, description }" : "must be a number or { value, description }");
        }
        if (strict && (typeof raw.description !== "string" || raw.description === "")) fail(`${field}.description`, "must say what the value means");
        if (raw.description !== undefined && typeof raw.description !== "string") fail(`${field}.description`, "must be a string");
        if (raw.value !== null && typeof raw.value !== "number") fail(`${field}.value`, "must be a number");
        return { value: raw.value as number | null, description: raw.description as string | undefined };
    };
    const checkValue = (key: UsageKey, v: number | null, field: string): void => {
        if (v === null) {
            if (!NULLABLE_USAGE_KEYS.has(key)) fail(`${field}.value`, "must be a number (null is only allowed for ecs.avgTasks)");
            return;
        }
        if (!plausibleUsage(v)) fail(`${field}.value`, `must be a non-negative number of at most ${MAX_USAGE_VALUE.toExponential()}, got ${v}`);
        if (FRACTION_KEYS.has(key) && v > 1) fail(`${field}.value`, `must be a fraction between 0 and 1, got ${v}`);
        if (key === "schedule.hoursOnPerMonth" && v > 744) fail(`${field}.value`, `must be at most 744 hours, got ${v}`);
    };
    const fields = parseFields(value.fields, "fields");
    const byName: UsageLayer["byName"] = {};
    if (value.byName !== undefined) {
        if (!isRecord(value.byName)) return fail("byName", "must map a logical-name part to usage fields");
        for (const [name, bag] of Object.entries(value.byName)) {
            if (name === "") fail("byName", "keys must not be empty");
            byName[name] = parseFields(bag, `byName["${name}"]`);
        }
    }
    return { file, description: value.description as string | undefined, fields, byName };
}

/** True for a file name YAML readers should take (`.yml`, `.yaml`). */
function isYamlName(file: string): boolean {
    return /\.ya?ml$/i.test(file);
}

/** Parses a usage file's text: JSON, or YAML for `.yml`/`.yaml` (and for other names that are not JSON). */
function parseUsageText(text: string, shownAs: string, allowYaml: boolean): unknown {
    const yamlFirst = allowYaml && isYamlName(shownAs);
    if (!yamlFirst) {
        try {
            return JSON.parse(text);
        } catch (err) {
            if (!allowYaml || /\.json$/i.test(shownAs)) throw new CostInputError(`${shownAs}: not valid JSON (${(err as Error).message})`);
        }
    }
    try {
        return yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (err) {
        const reason = (err as Error).message.split("\n")[0];
        throw new CostInputError(`${shownAs}: not valid ${yamlFirst ? "YAML" : "JSON or YAML"} (${reason})`);
    }
}

/**
 * An Infracost document as a usage layer: entries become `exact`/`patterns`, type defaults `fields`. An entry named
 * by logical name whose keys fit no mapped type is left out here: `checkUsageLayer` reports it with the resource's
 * type and allowed keys.
 */
export function infracostLayer(doc: InfracostDocument): UsageLayer {
    const toFields = (where: string, converted: ReturnType<typeof convertValues>): UsageFields => {
        const fields: UsageFields = {};
        for (const [key, value] of Object.entries(converted) as [UsageKey, { value: number; from: string }][]) {
            checkConverted(doc.file, where, key, value.value);
            fields[key] = { value: value.value, where, from: value.from };
        }
        return fields;
    };
    const fields: UsageFields = {};
    for (const d of doc.typeDefaults) {
        const where = `resource_type_default_usage["${d.terraform}"]`;
        for (const [key, entry] of Object.entries(toFields(where, convertValues(doc, where, d.values, pulumiTypesOf(d.terraform), d.terraform))) as [UsageKey, UsageEntry][]) {
            const seen = fields[key];
            if (seen !== undefined && seen.value !== entry.value) {
                throw new CostInputError(`${doc.file}: ${where} and ${seen.where} both set ${key} (Runway reads it for both types): give per-resource values in resource_usage instead`);
            }
            fields[key] = entry;
        }
    }
    const exact: Record<string, UsageFields> = {};
    const patterns: UsagePattern[] = [];
    for (const e of doc.entries) {
        const where = `resource_usage["${e.key}"]`;
        let converted: UsageFields;
        try {
            converted = toFields(where, convertValues(doc, where, e.values, e.types, e.types === undefined ? undefined : e.key.split(".")[0]));
        } catch (err) {
            // Keys that fit no type are reported by `checkUsageLayer`, which knows the resource's type and its allowed keys.
            if (err instanceof CostInputError && e.types === undefined) continue;
            throw err;
        }
        if (e.pattern !== undefined) patterns.push({ key: e.name, pattern: e.pattern, fields: converted });
        else exact[e.name] = { ...(exact[e.name] ?? {}), ...converted };
    }
    patterns.sort((a, b) => b.key.length - a.key.length);
    return { file: doc.file, description: "Infracost usage file", fields, byName: {}, exact, patterns, infracost: doc };
}

/** Range checks a converted value the way `parseUsageLayer` checks a written one. */
function checkConverted(file: string, where: string, key: UsageKey, v: number): void {
    if (FRACTION_KEYS.has(key) && v > 1) throw new CostInputError(`${file}: ${where}: ${key} must be a fraction between 0 and 1, got ${v}`);
}

/** Reads one usage file: JSON; a user file (not `strict`) may also be YAML and may be an Infracost usage file. */
export function readUsageFile(filePath: string, shownAs: string, strict: boolean): UsageLayer {
    if (!fs.existsSync(filePath)) throw new CostInputError(`usage file ${shownAs} not found (${filePath})`);
    const parsed = parseUsageText(fs.readFileSync(filePath, "utf8"), shownAs, !strict);
    if (!strict && isInfracostShape(parsed)) return infracostLayer(parseInfracostDocument(parsed, shownAs));
    return parseUsageLayer(parsed, shownAs, strict);
}

/**
 * Checks a user usage file (as read by `readUsageFile`) against the program's resources. For an Infracost file: every
 * `resource_usage` name is declared and every key is one Runway maps for that resource's type (a `CostInputError`
 * naming file, resource and key, with the allowed keys); without `resources`, each entry's keys must fit some type
 * Runway maps. A Runway file's `byName` parts match by substring and are not checked.
 */
export function checkUsageLayer(layer: UsageLayer, resources?: readonly NamedResource[]): void {
    if (layer.infracost !== undefined) checkInfracostAgainst(layer.infracost, resources);
}

/** The same layer shown as `file` (in `basis` and in the check's messages). */
export function labelledAs(layer: UsageLayer, file: string): UsageLayer {
    return { ...layer, file, ...(layer.infracost !== undefined ? { infracost: { ...layer.infracost, file } } : {}) };
}

/** Stages with a usage file in `dataDir`. */
export function availableStages(dataDir: string = DEFAULT_DATA_DIR): string[] {
    if (!fs.existsSync(dataDir)) return [];
    return fs
        .readdirSync(dataDir)
        .map((file) => /^usage-(.+)\.json$/.exec(file)?.[1])
        .filter((stage): stage is string => stage !== undefined && stage !== "by-type")
        .sort();
}

/** The usage assumptions for one pricing run. */
export class UsageBook {
    /** @param layers lowest precedence first; @param none true for `--usage none`. */
    constructor(readonly layers: readonly UsageLayer[], readonly none: boolean) {
        if (!none) {
            const defaults = layers[0];
            const missing = USAGE_KEYS.filter((key) => defaults?.fields[key] === undefined);
            if (missing.length > 0) {
                throw new CostInputError(`${defaults?.file ?? "usage defaults"}: fields misses ${missing.join(", ")}`);
            }
        }
    }

    /** Loads the layers `options` asks for. */
    static load(options: UsageOptions = {}): UsageBook {
        const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
        if (options.usage === "none") return new UsageBook([], true);
        const layers = [readUsageFile(path.join(dataDir, "usage-by-type.json"), "usage-by-type.json", true)];
        if (options.stage !== undefined) {
            const file = `usage-${options.stage}.json`;
            if (!fs.existsSync(path.join(dataDir, file))) {
                throw new CostInputError(`no usage file for stage ${options.stage} (have: ${availableStages(dataDir).join(", ")})`);
            }
            layers.push(readUsageFile(path.join(dataDir, file), file, true));
        }
        if (typeof options.usage === "string") {
            layers.push(readUsageFile(path.resolve(options.usage), options.usage, false));
        } else if (options.usage !== undefined) {
            layers.push(options.usage);
        }
        return new UsageBook(layers, false);
    }

    /** The files layered, lowest precedence first. */
    get files(): string[] {
        return this.layers.map((layer) => layer.file);
    }

    /** The raw entry for `key` as it applies to the resource named `name`, with its label. */
    private lookup(key: UsageKey, name: string): { entry: UsageEntry; label: string } | undefined {
        const lowered = name.toLowerCase();
        const labelOf = (layer: UsageLayer, entry: UsageEntry, where: string | undefined): string =>
            `${layer.file}${where ? ` ${where}` : ""}: ${key} ${entry.value === null ? "null" : qty(entry.value)}${entry.from ? ` (${entry.from})` : ""}`;
        for (let i = this.layers.length - 1; i >= 0; i--) {
            const layer = this.layers[i];
            const exact = layer.exact?.[name]?.[key];
            if (exact !== undefined) return { entry: exact, label: labelOf(layer, exact, exact.where) };
            const wildcard = layer.patterns?.find((p) => p.fields[key] !== undefined && p.pattern.test(name))?.fields[key];
            if (wildcard !== undefined) return { entry: wildcard, label: labelOf(layer, wildcard, wildcard.where) };
            const match = Object.keys(layer.byName)
                .filter((part) => layer.byName[part][key] !== undefined && lowered.includes(part.toLowerCase()))
                .sort((a, b) => b.length - a.length)[0];
            if (match !== undefined) {
                const entry = layer.byName[match][key] as UsageEntry;
                return { entry, label: `${layer.file} byName["${match}"]: ${key} ${entry.value === null ? "null" : qty(entry.value)}` };
            }
            const entry = layer.fields[key];
            if (entry !== undefined) {
                return { entry, label: labelOf(layer, entry, entry.where) };
            }
        }
        return undefined;
    }

    /** A usage value for the resource named `name`: 0 and `usage: none` under `--usage none`. */
    read(key: UsageKey, name: string): UsageReading {
        if (this.none) return { value: 0, label: "usage: none", none: true };
        const found = this.lookup(key, name);
        if (found === undefined || found.entry.value === null) {
            throw new CostInputError(`usage field ${key} has no value for ${name}`);
        }
        return { value: found.entry.value, label: found.label, none: false };
    }

    /** A nullable usage value: undefined when unset (null) or under `--usage none`. */
    readOptional(key: UsageKey, name: string): UsageReading | undefined {
        if (this.none) return undefined;
        const found = this.lookup(key, name);
        if (found === undefined || found.entry.value === null) return undefined;
        return { value: found.entry.value, label: found.label, none: false };
    }
}
