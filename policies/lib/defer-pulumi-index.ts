/**
 * Defers loading `@pulumi/pulumi`'s top-level index, in the analyzer process, until something reads from it.
 *
 * CrossGuard's deserializer (`@pulumi/policy/deserialize.js`) runs `require("@pulumi/pulumi")` when it loads, and
 * uses it only for the asset and archive classes: when a resource's properties hold an asset, and to serialize
 * remediated properties. That index loads the whole SDK — the Automation API with npm's arborist, the closure
 * serializer with TypeScript — about 900 modules and 400–500 ms on the bench machine, at every analyzer start,
 * that is, on every preview. Serving a policy pack needs none of it. (The modules CrossGuard does use, such as
 * `@pulumi/pulumi/runtime/rpc` and the protobufs, are separate files and load as before.)
 *
 * This puts a placeholder into Node's module cache, under the exact file that `require("@pulumi/pulumi")` resolves
 * to from `@pulumi/policy`. The placeholder's exports forward every operation (read, `in`, keys, descriptors,
 * writes) to the real index, which is loaded on the first one. From then on the real module is in the cache, and
 * every later `require` gets it directly. Nothing is loaded until then.
 *
 * The pack's entry (`policies/index.ts`) installs it with its first import (`defer-pulumi-index-now.ts`), ahead
 * of `@pulumi/policy`. It does nothing when the index is already loaded (by a launcher or a program in the same
 * process) or cannot be resolved.
 */
import Module from "module";
import * as path from "path";

/** What `deferPulumiIndex` did. */
export type DeferOutcome = "deferred" | "already-loaded" | "unresolved";

/** The `@pulumi/pulumi` index file that `from` (a module id) would load. */
export function pulumiIndexFile(from = "@pulumi/policy/deserialize"): string | undefined {
    try {
        return require.resolve("@pulumi/pulumi", { paths: [path.dirname(require.resolve(from))] });
    } catch {
        return undefined;
    }
}

/** Installs the placeholder (see the module comment) for the index `from` would load. */
export function deferPulumiIndex(from?: string): DeferOutcome {
    const file = pulumiIndexFile(from);
    if (file === undefined) {
        return "unresolved";
    }
    if (require.cache[file] !== undefined) {
        return "already-loaded";
    }
    let real: object | undefined;
    const placeholder = new Module(file, module);
    const load = (): object => {
        if (real === undefined) {
            if (require.cache[file] === placeholder) {
                delete require.cache[file];
            }
            real = require(file) as object;
        }
        return real;
    };
    placeholder.filename = file;
    placeholder.loaded = true;
    // The target stays empty: every trap answers from the real module. Descriptors are reported configurable,
    // which a proxy must do for properties its target lacks (the module's `__esModule` is not configurable).
    placeholder.exports = new Proxy(
        {},
        {
            get: (_target, key) => Reflect.get(load(), key),
            has: (_target, key) => Reflect.has(load(), key),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_target, key) => {
                const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
                return descriptor && { ...descriptor, configurable: true };
            },
            set: (_target, key, value) => Reflect.set(load(), key, value),
            deleteProperty: (_target, key) => Reflect.deleteProperty(load(), key),
            getPrototypeOf: () => Reflect.getPrototypeOf(load()),
        },
    );
    require.cache[file] = placeholder;
    return "deferred";
}
