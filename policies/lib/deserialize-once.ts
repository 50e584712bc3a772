/**
 * One property deserialization per resource per request, instead of one per policy.
 *
 * CrossGuard's analyzer (`@pulumi/policy/server.js`) turns a resource's protobuf `Struct` into plain JavaScript
 * (`deserializeProperties`) once for every policy it runs on the resource, and once more for the resource's
 * provider — in `Analyze` and, per stack policy, in `AnalyzeStack`. With 17 policies that was 70 % of the pack's
 * own server time (see docs/benchmarks.md). The server reads the function from its module's exports at every
 * call (`deserialize_1.deserializeProperties(...)`), and `req.getProperties()` hands back the same `Struct` for
 * the life of a request, so memoizing by `Struct` (a `WeakMap`: entries go with the request) gives every policy
 * the same, already deserialized object.
 *
 * Policies receive that object through their own unknown-checking proxy, as before; sharing it is safe because no
 * Runway policy writes to the properties it is given (tests run the real server over every stage with the objects
 * frozen). Installed only by the pack's entry (`policies/index.ts`), in the analyzer process that serves Runway's
 * policies and nothing else. When a future `@pulumi/policy` no longer reads the export this way, the memo is
 * simply never called: results stay the same, only slower.
 */
type Deserialize = (struct: unknown, proxySecrets: boolean) => Record<string, unknown>;

/** The shape of `@pulumi/policy/deserialize` this relies on (internal to `@pulumi/policy`, hence no typings). */
export interface DeserializeModule {
    deserializeProperties: Deserialize;
}

const ORIGINAL = Symbol.for("runway.deserializeOncePerRequest.original");

type Memoized = Deserialize & { [ORIGINAL]?: Deserialize };

function serverDeserializer(): DeserializeModule | undefined {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const mod: unknown = require("@pulumi/policy/deserialize");
        return typeof mod === "object" && mod !== null && typeof (mod as { deserializeProperties?: unknown }).deserializeProperties === "function" ? (mod as DeserializeModule) : undefined;
    } catch {
        return undefined;
    }
}

/**
 * Memoizes `deserializeProperties` by `Struct` in `mod` (default: the module the CrossGuard server uses).
 * Idempotent. Returns a function that restores the original, or undefined (nothing done) when the module has no
 * such function.
 */
export function deserializeOncePerRequest(mod: DeserializeModule | undefined = serverDeserializer()): (() => void) | undefined {
    if (typeof mod?.deserializeProperties !== "function") {
        return undefined;
    }
    const current = mod.deserializeProperties as Memoized;
    const original = current[ORIGINAL] ?? current;
    const memo = new WeakMap<object, Record<string, unknown>>();
    const once: Memoized = (struct, proxySecrets) => {
        if (proxySecrets || typeof struct !== "object" || struct === null) {
            return original(struct, proxySecrets);
        }
        let props = memo.get(struct);
        if (props === undefined) {
            props = original(struct, false);
            memo.set(struct, props);
        }
        return props;
    };
    once[ORIGINAL] = original;
    mod.deserializeProperties = once;
    return () => {
        mod.deserializeProperties = original;
    };
}
