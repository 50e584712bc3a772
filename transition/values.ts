/**
 * Comparing input values as the engine would: secrets compare by their value, resource references by URN,
 * unknown (preview) values are "not known until apply".
 */
import { isRecord, isUnknown, isWireSecret, RESOURCE_REF_SIG, SIG_KEY } from "../model/wire";

/** Strips secret wrappers and reduces resource references to their URN, so equal values compare equal. */
export function normalize(value: unknown): unknown {
    if (isWireSecret(value)) return normalize(value.value);
    if (Array.isArray(value)) return value.map(normalize);
    if (isRecord(value)) {
        if (value[SIG_KEY] === RESOURCE_REF_SIG) return `ref:${String(value.urn)}`;
        const result: Record<string, unknown> = {};
        for (const key of Object.keys(value).sort()) {
            if (value[key] !== undefined) result[key] = normalize(value[key]);
        }
        return result;
    }
    return value;
}

/**
 * Scalars as the provider reads them: a string-typed boolean or number (`"true"`, `"7"`) is the same value as the
 * boolean or number (the one property reader, `policies/lib/values.ts`, reads them so), so `"true"` → `true` is no
 * change.
 */
function scalarsAsText(_key: string, value: unknown): unknown {
    return typeof value === "boolean" || typeof value === "number" ? String(value) : value;
}

/** Deep equality of two normalised values. */
export function sameValue(a: unknown, b: unknown): boolean {
    return JSON.stringify(normalize(a), scalarsAsText) === JSON.stringify(normalize(b), scalarsAsText);
}

/** True when `value` is, or contains, an unknown sentinel. */
export function containsUnknown(value: unknown): boolean {
    if (isUnknown(value)) return true;
    if (isWireSecret(value)) return containsUnknown(value.value);
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (isRecord(value)) return Object.values(value).some(containsUnknown);
    return false;
}

/** URNs of resource references inside `value`. */
export function referencedUrns(value: unknown): string[] {
    if (isWireSecret(value)) return referencedUrns(value.value);
    if (Array.isArray(value)) return value.flatMap(referencedUrns);
    if (isRecord(value)) {
        if (value[SIG_KEY] === RESOURCE_REF_SIG && typeof value.urn === "string") return [value.urn];
        return Object.values(value).flatMap(referencedUrns);
    }
    return [];
}

/** The value at a dotted path (`rootBlockDevice.encrypted`); undefined when any step is missing. */
export function valueAt(props: Record<string, unknown>, path: string): unknown {
    let current: unknown = props;
    for (const step of path.split(".")) {
        if (isWireSecret(current)) current = current.value;
        if (!isRecord(current)) return undefined;
        current = current[step];
    }
    return current;
}

/** A short printable form of a value for reasons (secrets stay hidden, long values are cut). */
export function show(value: unknown): string {
    if (value === undefined) return "(not set)";
    if (isWireSecret(value)) return "[secret]";
    if (isUnknown(value)) return "(known after apply)";
    const text = JSON.stringify(normalize(value)) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Input keys the engine itself adds, never part of a diff. */
export function isEngineKey(key: string): boolean {
    return key.startsWith("__");
}

/** A string holding a JSON object or array (a policy document, container definitions), as that value; else itself. */
function structured(value: unknown): unknown {
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return value;
    try {
        return JSON.parse(value) as unknown;
    } catch {
        return value;
    }
}

/** The paths below two values where they differ (`tags.stage`, `[0].image`), each with its two values. */
function differences(before: unknown, after: unknown, path: string): { path: string; before: unknown; after: unknown }[] {
    const a = structured(before);
    const b = structured(after);
    if (isRecord(a) && isRecord(b) && !isWireSecret(a) && !isWireSecret(b) && !isUnknown(a) && !isUnknown(b)) {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        return keys.filter((k) => !sameValue(a[k], b[k])).flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
    }
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
        return a.flatMap((x, i) => (sameValue(x, b[i]) ? [] : differences(x, b[i], `${path}[${i}]`)));
    }
    return [{ path, before: a, after: b }];
}

/** Differences a change lists before "… N more". */
const DIFFERENCES_SHOWN = 4;

/**
 * "old → new" for a changed property; for an object, an array of the same length, or a JSON document in a string,
 * only the keys whose values differ (`tags.stage "hero" → "enterprise"`), never a cut-off whole.
 */
export function describeChange(before: unknown, after: unknown): string {
    const found = differences(before, after, "");
    if (found.length === 1 && found[0].path === "") return `${show(before)} → ${show(after)}`;
    const shown = found.slice(0, DIFFERENCES_SHOWN).map((d) => `${d.path} ${show(d.before)} → ${show(d.after)}`);
    return found.length > DIFFERENCES_SHOWN ? `${shown.join(", ")}, … ${found.length - DIFFERENCES_SHOWN} more` : shown.join(", ");
}
