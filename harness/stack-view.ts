/**
 * A program run seen as the policy graph sees a stack: `StackResource`s with raw properties (unknowns kept as
 * sentinels, secrets unwrapped, resource references downgraded as the engine does for analyzers).
 */
import type { StackResource } from "../model/resource";
import { isRecord, isWireSecret } from "../model/wire";
import { downgradeResourceReferences, providerLookup } from "./analyzer-wire";
import type { ProgramRun, WireProperties } from "./types";

function unwrapSecrets(value: unknown): unknown {
    if (isWireSecret(value)) {
        return unwrapSecrets(value.value);
    }
    if (Array.isArray(value)) {
        return value.map(unwrapSecrets);
    }
    if (isRecord(value)) {
        const result: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(value)) {
            result[key] = unwrapSecrets(inner);
        }
        return result;
    }
    return value;
}

/** Raw plain properties from wire-format ones. */
export function rawProperties(props: WireProperties): Record<string, unknown> {
    const plain = unwrapSecrets(downgradeResourceReferences(props));
    return isRecord(plain) ? plain : {};
}

/** Every resource of `run` as a `StackResource` (outputs, as `AnalyzeStack` sees them). */
export function toStackResources(run: ProgramRun): StackResource[] {
    const lookup = providerLookup(run.resources);
    return run.resources.map((r) => {
        const provider = lookup(r.provider);
        const resource: StackResource = {
            urn: r.urn,
            type: r.type,
            name: r.name,
            props: rawProperties(r.outputs),
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            protect: r.protect,
        };
        if (provider) {
            resource.providerProps = rawProperties(provider.inputs);
        }
        return resource;
    });
}
