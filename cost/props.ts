/**
 * Safe readers for a resource's raw properties: each returns `undefined` for a missing, unknown (preview
 * sentinel) or wrongly typed value, so pricers never read a sentinel as data.
 */
import { isRecord, isUnknown } from "../policies/lib/wire";

/** A known string, or undefined. */
export function str(bag: Record<string, unknown> | undefined, key: string): string | undefined {
    const value = bag?.[key];
    return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

/** A known finite number (numeric strings accepted), or undefined. */
export function num(bag: Record<string, unknown> | undefined, key: string): number | undefined {
    const value = bag?.[key];
    if (typeof value === "number" && Number.isFinite(value)) return value;
    if (typeof value === "string" && !isUnknown(value) && value.trim() !== "" && Number.isFinite(Number(value))) {
        return Number(value);
    }
    return undefined;
}

/** A known boolean, or undefined. */
export function bool(bag: Record<string, unknown> | undefined, key: string): boolean | undefined {
    const value = bag?.[key];
    return typeof value === "boolean" ? value : undefined;
}

/** A known array, or undefined. */
export function arr(bag: Record<string, unknown> | undefined, key: string): unknown[] | undefined {
    const value = bag?.[key];
    return Array.isArray(value) ? value : undefined;
}

/** A known nested object, or undefined. */
export function rec(bag: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
    const value = bag?.[key];
    return isRecord(value) ? value : undefined;
}

/** The known nested objects of an array property. */
export function records(bag: Record<string, unknown> | undefined, key: string): Record<string, unknown>[] {
    return (arr(bag, key) ?? []).filter(isRecord);
}

/** True when the property is present but not known yet (preview). */
export function unknownProp(bag: Record<string, unknown> | undefined, key: string): boolean {
    return isUnknown(bag?.[key]);
}
