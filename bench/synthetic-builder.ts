/**
 * The building kit of the synthetic stacks (`synthetic.ts`, `synthetic-wide.ts`): a seeded builder that declares
 * resources as the engine records them (inputs, outputs, dependencies and property dependencies; references
 * unknown in preview, AWS-shaped ids in update) and the naming helpers the units share.
 */
import { UNKNOWN_STRING } from "../model/wire";
import type { DeclaredResource, WireProperties } from "../harness/types";

export type Mode = "preview" | "update";

export const PROJECT = "runway";
export const STACK = "bench";
export const REGION = "us-east-1";
export const ACCOUNT = "123456789012";
export const AZS = ["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1f"];
export const STAGE_TAG = "runway:stage";
export const STAGE = "hero";

/** mulberry32: a small, fast, seedable PRNG. */
function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A value that references another resource: known in update mode, the unknown sentinel in preview. */
interface Ref {
    value: unknown;
    from: string[];
}

type Input = unknown | Ref;

const REF = Symbol("ref");
export interface TaggedRef extends Ref {
    [REF]: true;
}
function isRef(value: Input): value is TaggedRef {
    return typeof value === "object" && value !== null && REF in value;
}

export class Builder {
    readonly resources: DeclaredResource[] = [];
    private readonly random: () => number;

    constructor(
        readonly mode: Mode,
        seed: number,
    ) {
        this.random = prng(seed);
    }

    get preview(): boolean {
        return this.mode === "preview";
    }

    hex(length: number): string {
        let s = "";
        while (s.length < length) {
            s += Math.floor(this.random() * 0x100000000)
                .toString(16)
                .padStart(8, "0");
        }
        return s.slice(0, length);
    }

    pick<T>(items: readonly T[]): T {
        return items[Math.floor(this.random() * items.length)];
    }

    /** A reference to `resource`'s output `value` (unknown in preview). */
    ref(resource: DeclaredResource, value: (outputs: WireProperties) => unknown): TaggedRef {
        return { [REF]: true, value: this.preview ? UNKNOWN_STRING : value(resource.outputs), from: [resource.urn] };
    }

    /** A value computed from several resources (an interpolation): unknown in preview if any part is. */
    join(parts: TaggedRef[], value: (known: unknown[]) => unknown): TaggedRef {
        return {
            [REF]: true,
            value: this.preview ? UNKNOWN_STRING : value(parts.map((p) => p.value)),
            from: parts.flatMap((p) => p.from),
        };
    }

    /** A list of references (`[a.id, b.id]`): each element unknown in preview, the list itself known. */
    list(parts: TaggedRef[]): TaggedRef {
        return { [REF]: true, value: parts.map((p) => p.value), from: parts.flatMap((p) => p.from) };
    }

    /**
     * Declares one custom resource. `inputs` may hold references (top level, or one level inside a nested
     * object such as `networkConfiguration`); their dependencies are recorded under the top-level key, as the
     * engine does. `computed` gives the provider's outputs in update mode from the physical id.
     */
    add(type: string, name: string, inputs: Record<string, Input>, computed: (id: string, wire: WireProperties) => { id: string; outputs: WireProperties }): DeclaredResource {
        const urn = `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
        const wire: WireProperties = {};
        const propertyDependencies: Record<string, string[]> = {};
        const dependencies = new Set<string>();
        for (const [key, raw] of Object.entries(inputs)) {
            if (raw === undefined) {
                continue;
            }
            const from: string[] = [];
            wire[key] = resolveInput(raw, from);
            propertyDependencies[key] = from;
            from.forEach((u) => dependencies.add(u));
        }
        const resource: DeclaredResource = {
            urn,
            type,
            name,
            custom: true,
            remote: false,
            inputs: wire,
            outputs: wire,
            dependencies: [...dependencies],
            propertyDependencies,
            protect: false,
            retainOnDelete: false,
            ignoreChanges: [],
            aliases: [],
            additionalSecretOutputs: [],
        };
        if (!this.preview) {
            const { id, outputs } = computed(this.hex(17), wire);
            resource.id = id;
            resource.outputs = { ...wire, ...outputs, id };
        }
        this.resources.push(resource);
        return resource;
    }
}

function resolveInput(value: Input, from: string[]): unknown {
    if (isRef(value)) {
        from.push(...value.from);
        return value.value;
    }
    if (Array.isArray(value)) {
        return value.map((v) => resolveInput(v, from));
    }
    if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            out[k] = resolveInput(v, from);
        }
        return out;
    }
    return value;
}

export const arn = (service: string, kind: string, name: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${kind}/${name}`;
export const tags = (name: string, unit: number) => ({ Name: name, [STAGE_TAG]: STAGE, "runway:unit": String(unit) });
export const ec2 = (prefix: string, kind: string, extra: (id: string) => WireProperties = () => ({})) => (hex: string) => {
    const id = `${prefix}-${hex}`;
    return { id, outputs: { arn: arn("ec2", kind, id), ownerId: ACCOUNT, ...extra(id) } };
};
export const physical = (name: string, hex: string) => `${name}-${hex.slice(0, 7)}`;
