/**
 * Safe readers for raw property bags (never CrossGuard proxies). Each reader says one of three things:
 * the value (typed), `UNKNOWN` (the engine cannot know it until apply), or `undefined` (not set, or set to
 * something of the wrong type — which AWS would reject, so no policy may treat it as a violation).
 *
 * Secrets are unwrapped; a string-typed boolean ("true", "False") is still a boolean, a numeric string
 * ("7") is still a number, as the provider itself coerces them.
 */
import { isRecord, isUnknown, isWireSecret } from "./wire";

/** Marker for a value that cannot be known until apply. */
export const UNKNOWN = Symbol("unknown");
export type Unknown = typeof UNKNOWN;

/** A read: the value, `UNKNOWN`, or `undefined` (absent or wrongly typed). */
export type Read<T> = T | Unknown | undefined;

/** Unwraps wire secrets (possibly nested) and maps unknown sentinels to `UNKNOWN`. */
export function plain(value: unknown): unknown {
    let current = value;
    for (let depth = 0; depth < 8 && isWireSecret(current); depth++) {
        current = current.value;
    }
    return isUnknown(current) ? UNKNOWN : current;
}

/** Walks `path` into `value`; stops with `UNKNOWN` at an unknown and `undefined` at a missing step. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
    let current = plain(value);
    for (const step of path) {
        if (current === UNKNOWN) {
            return UNKNOWN;
        }
        if (typeof step === "number") {
            current = Array.isArray(current) ? plain(current[step]) : undefined;
        } else {
            current = isRecord(current) ? plain(current[step]) : undefined;
        }
    }
    return current;
}

export function asBool(value: unknown): Read<boolean> {
    const v = plain(value);
    if (v === UNKNOWN || typeof v === "boolean") {
        return v;
    }
    if (typeof v === "string") {
        const s = v.trim().toLowerCase();
        return s === "true" ? true : s === "false" ? false : undefined;
    }
    return undefined;
}

export function asNumber(value: unknown): Read<number> {
    const v = plain(value);
    if (v === UNKNOWN) {
        return UNKNOWN;
    }
    if (typeof v === "number" && Number.isFinite(v)) {
        return v;
    }
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) {
        return Number(v);
    }
    return undefined;
}

export function asString(value: unknown): Read<string> {
    const v = plain(value);
    return v === UNKNOWN || typeof v === "string" ? v : undefined;
}

/** A non-empty string, or `UNKNOWN`, or undefined. */
export function asNonEmpty(value: unknown): Read<string> {
    const v = asString(value);
    return v === "" ? undefined : v;
}

export function asArray(value: unknown): Read<unknown[]> {
    const v = plain(value);
    return v === UNKNOWN || Array.isArray(v) ? v : undefined;
}

/** Arrays or single nested objects (the provider accepts both shapes for some blocks). */
export function asList(value: unknown): Read<unknown[]> {
    const v = plain(value);
    if (v === UNKNOWN || Array.isArray(v)) {
        return v;
    }
    return isRecord(v) ? [v] : undefined;
}

export function asRecord(value: unknown): Read<Record<string, unknown>> {
    const v = plain(value);
    return v === UNKNOWN || isRecord(v) ? v : undefined;
}

/** Known strings of an array (elements that are unknown are counted, not returned). */
export function stringsOf(value: unknown): { known: string[]; unknown: number; whollyUnknown: boolean } {
    const list = asArray(value);
    if (list === UNKNOWN) {
        return { known: [], unknown: 0, whollyUnknown: true };
    }
    const known: string[] = [];
    let unknown = 0;
    for (const item of list ?? []) {
        const s = asString(item);
        if (s === UNKNOWN) {
            unknown++;
        } else if (s !== undefined) {
            known.push(s);
        }
    }
    return { known, unknown, whollyUnknown: false };
}

/** Deep copy with secrets unwrapped (unknown sentinels kept as they are). */
export function unwrapSecrets(value: unknown, depth = 0): unknown {
    if (depth > 64) {
        return undefined;
    }
    let current = value;
    for (let d = 0; d < 8 && isWireSecret(current); d++) {
        current = current.value;
    }
    if (Array.isArray(current)) {
        return current.map((v) => unwrapSecrets(v, depth + 1));
    }
    if (isRecord(current)) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(current)) {
            out[k] = unwrapSecrets(v, depth + 1);
        }
        return out;
    }
    return current;
}

/** The resource's tags (`tags` merged over provider `defaultTags.tags`), known string values only. */
export function tagsOf(props: Record<string, unknown>, providerProps?: Record<string, unknown>): Record<string, string> {
    const out: Record<string, string> = {};
    const merge = (bag: unknown) => {
        const rec = asRecord(bag);
        if (rec === UNKNOWN || rec === undefined) {
            return;
        }
        for (const [k, v] of Object.entries(rec)) {
            const s = asString(v);
            if (typeof s === "string") {
                out[k] = s;
            }
        }
    };
    if (providerProps) {
        merge(at(providerProps, "defaultTags", "tags"));
        // Provider props arrive as strings in some engine versions (JSON-encoded nested objects).
        const raw = asString(providerProps.defaultTags);
        if (typeof raw === "string") {
            try {
                merge(at(JSON.parse(raw) as unknown, "tags"));
            } catch {
                // not JSON: no default tags to read
            }
        }
    }
    merge(props.tags);
    return out;
}
