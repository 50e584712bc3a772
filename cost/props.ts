/**
 * The cost model's view of the one property reader (`policies/lib/values.ts`, which the policies and the
 * transition engine read through too): the same coercions — `"true"` is true, `"7"` is 7, secrets unwrapped —
 * with "unknown in preview" and "absent or wrongly typed" both `undefined`, because a pricer prices only what
 * it knows.
 */
import { asArray, asBool, asNumber, asRecord, asString, UNKNOWN, type Read } from "../model/values";
import { isRecord, isUnknown } from "../model/wire";

function known<T>(read: Read<T>): T | undefined {
    return read === UNKNOWN ? undefined : read;
}

/** A known string, or undefined. */
export function str(bag: Record<string, unknown> | undefined, key: string): string | undefined {
    return known(asString(bag?.[key]));
}

/** A known finite number (numeric strings accepted), or undefined. */
export function num(bag: Record<string, unknown> | undefined, key: string): number | undefined {
    return known(asNumber(bag?.[key]));
}

/** A known boolean (string-typed booleans accepted, as the provider accepts them), or undefined. */
export function bool(bag: Record<string, unknown> | undefined, key: string): boolean | undefined {
    return known(asBool(bag?.[key]));
}

/** A known array, or undefined. */
export function arr(bag: Record<string, unknown> | undefined, key: string): unknown[] | undefined {
    return known(asArray(bag?.[key]));
}

/** A known nested object, or undefined. */
export function rec(bag: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
    return known(asRecord(bag?.[key]));
}

/** The known nested objects of an array property. */
export function records(bag: Record<string, unknown> | undefined, key: string): Record<string, unknown>[] {
    return (arr(bag, key) ?? []).filter(isRecord);
}

/** True when the property is present but not known yet (preview). */
export function unknownProp(bag: Record<string, unknown> | undefined, key: string): boolean {
    return isUnknown(bag?.[key]);
}
