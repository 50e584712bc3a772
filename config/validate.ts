import { STAGES, type Stage } from "./defaults";
import { ConfigError } from "./errors";
import { AUTO, type KeySpec } from "./key-spec";
import { RULES } from "./rules";
import { CONFIG_SCHEMA, KEY_NAMES, fullKey, type KeyName } from "./schema";
import { shapeConfig } from "./shape";
import type { ConfigValues, RunwayConfig } from "./types";

export { ConfigError } from "./errors";

/** Raw stack config: full key (`runway:minTasks`) → the string Pulumi stores. */
export type RawConfig = Readonly<Record<string, string | undefined>>;

const KNOWN_KEYS: ReadonlySet<string> = new Set(KEY_NAMES.map(fullKey));

/** Throws when a `runway:` key is not in the schema (a typo would otherwise be ignored), suggesting the key meant. */
function rejectUnknownKeys(raw: RawConfig): void {
    for (const key of Object.keys(raw)) {
        if (!key.startsWith("runway:") || KNOWN_KEYS.has(key)) continue;
        const meant = [...KNOWN_KEYS].find((known) => known.toLowerCase() === key.toLowerCase());
        throw new ConfigError(key, raw[key] ?? "", `a key declared in Pulumi.yaml's config block (${meant ? `did you mean ${meant}?` : "see the README config reference"})`);
    }
}

/** The value of key `name` in `stage`: its default when absent, empty or (if it takes it) `auto`; throws when not allowed. */
function readKey<T>(name: KeyName, spec: KeySpec<T>, raw: RawConfig, stage: Stage): T {
    const key = fullKey(name);
    const given = raw[key]?.trim() ?? "";
    if (given === "" || (spec.auto !== undefined && given === AUTO)) return spec.fallback(stage);
    const value = spec.parse(given);
    if (value === undefined) throw new ConfigError(key, given, spec.allowed);
    return value;
}

/** Every key's value, read in schema order; the stage first, since other keys' defaults depend on it. */
function readValues(raw: RawConfig): ConfigValues {
    const stage = readKey("stage", CONFIG_SCHEMA.stage, raw, STAGES[0]); // the stage's own default is the same in every stage
    const values = Object.fromEntries(KEY_NAMES.map((name) => [name, readKey<unknown>(name, CONFIG_SCHEMA[name], raw, stage)]));
    return values as ConfigValues;
}

/** The value of key `name` as given; for a key left out, `auto` or the default it took. */
function asGiven(name: KeyName, values: ConfigValues, raw: RawConfig): string {
    const text = raw[fullKey(name)]?.trim() ?? "";
    if (text !== "") return text;
    return CONFIG_SCHEMA[name].auto === undefined ? String(values[name]) : AUTO;
}

/** Throws for the first rule between keys that `values` break, naming its key and the value as given. */
function checkRules(values: ConfigValues, raw: RawConfig): void {
    for (const rule of RULES) {
        const allowed = rule.broken(values);
        if (allowed !== undefined) throw new ConfigError(fullKey(rule.key), asGiven(rule.key, values, raw), allowed);
    }
}

/**
 * Validates raw stack config (full key → string) against the schema and fills every default. Pure: no Pulumi calls,
 * no I/O. Throws one `ConfigError` for the first bad value (unknown keys, then each key in schema order, then the
 * rules between keys), naming the key, the value and what is allowed.
 */
export function validateConfig(raw: RawConfig): RunwayConfig {
    rejectUnknownKeys(raw);
    const values = readValues(raw);
    checkRules(values, raw);
    return shapeConfig(values);
}
