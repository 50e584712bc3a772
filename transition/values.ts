/**
 * Comparing input values as the engine would: secrets compare by their value, resource references by URN,
 * unknown (preview) values are "not known until apply".
 */
import { isRecord, isUnknown, isWireSecret, RESOURCE_REF_SIG, SIG_KEY } from "../policies/lib/wire";

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
