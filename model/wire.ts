/**
 * The Pulumi wire format's special values, and safe readers for property bags that may hold them.
 *
 * Policies must never read an unknown value through CrossGuard's proxy (that aborts the whole policy with an
 * advisory "can't run during preview" note). They read the raw object instead and ask `isUnknown` first.
 * Sources: `@pulumi/pulumi/runtime/rpc.js` and `@pulumi/policy/proxy.js`.
 */

export const UNKNOWN_BOOLEAN = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7";
export const UNKNOWN_NUMBER = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const UNKNOWN_ARRAY = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";
export const UNKNOWN_ASSET = "030794c1-ac77-496b-92df-f27374a8bd58";
export const UNKNOWN_ARCHIVE = "e48ece36-62e2-4504-bad9-02848725956a";
export const UNKNOWN_OBJECT = "dd056dcd-154b-4c76-9bd3-c8f88648b5ff";

const UNKNOWN_VALUES: ReadonlySet<unknown> = new Set<unknown>([
    UNKNOWN_BOOLEAN,
    UNKNOWN_NUMBER,
    UNKNOWN_STRING,
    UNKNOWN_ARRAY,
    UNKNOWN_ASSET,
    UNKNOWN_ARCHIVE,
    UNKNOWN_OBJECT,
]);

/** Key under which special objects (secrets, resource references, assets) carry their signature. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
/** Signature of a secret: `{ [SIG_KEY]: SECRET_SIG, value }`. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** Signature of a resource reference: `{ [SIG_KEY]: RESOURCE_REF_SIG, urn, id?, packageVersion? }`. */
export const RESOURCE_REF_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

/** True when `value` is one of the engine's "not known until apply" sentinels. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_VALUES.has(value);
}

/** True when `value` is a wire-format secret wrapper. */
export function isWireSecret(value: unknown): value is { value: unknown } {
    return isRecord(value) && value[SIG_KEY] === SECRET_SIG;
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
