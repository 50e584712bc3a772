/**
 * One resource graph per stack evaluation, in O(N): resources indexed by type up front, and — when a question first
 * needs it — by the physical identifiers a type exposes (id, ARN, name-like properties) and by URN, so that
 * policies can follow references the way programs write them: by id, by name, or (in preview, where both are
 * unknown) through the `propertyDependencies` the engine fills in, followed as objects when the resources came
 * from CrossGuard (`DependencyLinks`).
 */
import type { DependencyLinks, StackResource } from "./resource";
import { pushTo } from "./multimap";
import { UNKNOWN, asString, plain } from "./values";

/** Properties whose (known, string) value identifies a resource physically. */
const IDENTIFIER_PROPS = [
    "id", "arn", "name", "bucket", "identifier", "clusterIdentifier", "replicationGroupId", "clusterId", "domainName",
    "clusterName", "functionName", "repositoryName", "topicName", "queueUrl", "url", "keyId",
];

/** What a reference property points at. */
export interface RefResult {
    /** Resources in this stack the reference resolves to. */
    targets: StackResource[];
    /** True when some part of the reference is unknown and the dependencies could not account for it. */
    unknown: boolean;
    /** Known values that match no resource of the wanted types in this stack (e.g. an existing VPC). */
    external: string[];
}

/** Flattens a property value into its known strings and the number of unknown parts. */
function strings(value: unknown, out: { known: string[]; unknown: number }, depth = 0): void {
    const v = plain(value);
    if (depth > 8) {
        return;
    }
    if (v === UNKNOWN) {
        out.unknown++;
    } else if (typeof v === "string") {
        if (v !== "") out.known.push(v);
    } else if (Array.isArray(v)) {
        for (const item of v) strings(item, out, depth + 1);
    }
}

const NONE: readonly StackResource[] = Object.freeze([]);

export class Graph {
    readonly resources: readonly StackResource[];
    private readonly byType = new Map<string, StackResource[]>();
    /** Built on first use: URN → resource (only dependency links and explicit lookups need it). */
    private byUrn?: Map<string, StackResource>;
    /**
     * type → identifier → the resources of that type exposing it, built for a type when it is first looked up: only
     * the types references point at (subnets, tables, groups, buckets…) are ever indexed, and the properties of
     * resources of other types are not read for it. A value like a shared `name` may be exposed by several.
     */
    private byTypeKey?: Map<string, Map<string, StackResource | StackResource[]>>;
    /** Derived views (network, security groups, the reference indexes…), built once per graph. */
    private memo?: Map<string, unknown>;

    /** `links` follows property dependencies without URNs when the resources' producer can (see `DependencyLinks`). */
    constructor(
        resources: readonly StackResource[],
        private readonly links?: DependencyLinks,
    ) {
        this.resources = resources;
        for (const r of resources) pushTo(this.byType, r.type, r);
    }

    get(urn: string): StackResource | undefined {
        if (!this.byUrn) {
            this.byUrn = new Map();
            for (const r of this.resources) this.byUrn.set(r.urn, r);
        }
        return this.byUrn.get(urn);
    }

    /** The resources in this stack that `prop`'s value was computed from (the engine's `propertyDependencies`). */
    linked(resource: StackResource, prop: string): readonly StackResource[] {
        const direct = this.links?.(resource, prop);
        if (direct) {
            return direct;
        }
        const out: StackResource[] = [];
        for (const urn of resource.propertyDependencies[prop] ?? []) {
            const r = this.get(urn);
            if (r !== undefined) out.push(r);
        }
        return out;
    }

    /** Types present in the stack. */
    types(): IterableIterator<string> {
        return this.byType.keys();
    }

    ofType(...types: string[]): readonly StackResource[] {
        if (types.length === 1) {
            return this.byType.get(types[0]) ?? NONE; // the index itself (read-only to callers): no copy per call
        }
        const out: StackResource[] = [];
        for (const t of types) {
            const list = this.byType.get(t);
            if (list) out.push(...list);
        }
        return out;
    }

    /** Resources of `types` that expose `key` as an identifier. */
    lookup(key: string, types: readonly string[]): StackResource[] {
        const out: StackResource[] = [];
        for (let i = 0; i < types.length; i++) {
            if (types.indexOf(types[i]) !== i) continue; // listed twice
            const found = this.identifiersOf(types[i]).get(key);
            if (found === undefined) continue;
            if (Array.isArray(found)) out.push(...found);
            else out.push(found);
        }
        return out;
    }

    private identifiersOf(type: string): Map<string, StackResource | StackResource[]> {
        this.byTypeKey ??= new Map();
        let index = this.byTypeKey.get(type);
        if (index) {
            return index;
        }
        index = new Map();
        this.byTypeKey.set(type, index);
        for (const r of this.byType.get(type) ?? []) {
            const props = r.props;
            for (const prop of IDENTIFIER_PROPS) {
                const v = plain(props[prop]);
                if (typeof v !== "string" || v === "") continue;
                const held = index.get(v);
                if (held === undefined) {
                    index.set(v, r);
                } else if (!Array.isArray(held)) {
                    if (held !== r) index.set(v, [held, r]);
                } else if (held[held.length - 1] !== r) {
                    // r's identifiers are indexed together: if it is already listed, it is the last one.
                    held.push(r);
                }
            }
        }
        return index;
    }

    /**
     * Resolves `resource.props[prop]` (or `value`, for nested references, with `prop` naming the top-level input
     * the engine tracks dependencies for) to resources of `types`: known values by identifier, unknown parts
     * through `propertyDependencies[prop]`.
     */
    ref(resource: StackResource, prop: string, types: readonly string[], value: unknown = resource.props[prop]): RefResult {
        const parts = { known: [] as string[], unknown: 0 };
        strings(value, parts);
        const targets: StackResource[] = [];
        const external: string[] = [];
        for (const key of parts.known) {
            const found = this.lookup(key, types);
            if (found.length === 0) external.push(key);
            for (const f of found) if (!targets.includes(f)) targets.push(f);
        }
        let unknown = false;
        if (parts.unknown > 0 || external.length > 0) {
            // Unknown in preview, or a value that is not an identifier (e.g. an interpolated string): the
            // engine's record of which resources the value came from decides.
            let fromDeps = 0;
            for (const r of this.linked(resource, prop)) {
                if (types.includes(r.type) && !targets.includes(r)) {
                    targets.push(r);
                    fromDeps++;
                }
            }
            unknown = parts.unknown > 0 && fromDeps === 0;
            if (fromDeps >= external.length) {
                external.length = 0;
            }
        }
        return { targets, unknown, external };
    }

    /**
     * The resources of `types` that point at `target`, in declaration order: through a property whose value the
     * engine computed from `target` (followed like `linked`) and, for `refs` given as `{ prop: keys }`, also through a
     * known value of `prop` equal to the target's known value of one of `keys` (`{ logGroupName: ["name"] }`: a flow
     * log naming the group). A plain `prop` follows the dependencies only.
     */
    referencing(target: StackResource, types: readonly string[], refs: string | Readonly<Record<string, readonly string[]>>): StackResource[] {
        const byProp: Readonly<Record<string, readonly string[]>> = typeof refs === "string" ? { [refs]: [] } : refs;
        const positions = new Set<number>();
        for (const [prop, keys] of Object.entries(byProp)) {
            for (const i of this.dependentsOf(prop).get(target.urn) ?? []) positions.add(i);
            for (const key of keys) {
                const value = asString(target.props[key]);
                if (typeof value !== "string") continue;
                for (const i of this.holdersOf(prop).get(value) ?? []) positions.add(i);
            }
        }
        return this.declared(positions, types);
    }

    /**
     * The resource of `types` that `resource.props[prop]` points at: the first one the engine computed the value
     * from, else the first declared whose known value of one of `keys` equals the known value of `prop`. Unlike
     * `ref`, the dependency wins over the value and only `keys` identify (the cost model's reading of a reference).
     */
    resolve(resource: StackResource, prop: string, types: readonly string[], keys: readonly string[] = ["id", "arn", "name"]): StackResource | undefined {
        const linked = this.linked(resource, prop).find((r) => types.includes(r.type));
        if (linked !== undefined) {
            return linked;
        }
        const value = asString(resource.props[prop]);
        if (typeof value !== "string") {
            return undefined;
        }
        const positions = new Set<number>();
        for (const key of keys) {
            for (const i of this.holdersOf(key).get(value) ?? []) positions.add(i);
        }
        return this.declared(positions, types)[0];
    }

    /** The resources at `positions` whose type is one of `types`, in declaration order. */
    private declared(positions: ReadonlySet<number>, types: readonly string[]): StackResource[] {
        const out: StackResource[] = [];
        for (const i of [...positions].sort((a, b) => a - b)) {
            if (types.includes(this.resources[i].type)) out.push(this.resources[i]);
        }
        return out;
    }

    /** URN → positions (in `resources`) of the resources whose `prop` was computed from it; built per prop on first use. */
    private dependentsOf(prop: string): Map<string, number[]> {
        return this.view(`graph.dependents:${prop}`, () => {
            const index = new Map<string, number[]>();
            for (let i = 0; i < this.resources.length; i++) {
                for (const target of this.linked(this.resources[i], prop)) {
                    const held = index.get(target.urn);
                    if (held === undefined) index.set(target.urn, [i]);
                    else if (held[held.length - 1] !== i) held.push(i);
                }
            }
            return index;
        });
    }

    /** Known string value → positions of the resources holding it in `prop`; built per prop on first use. */
    private holdersOf(prop: string): Map<string, number[]> {
        return this.view(`graph.holders:${prop}`, () => {
            const index = new Map<string, number[]>();
            for (let i = 0; i < this.resources.length; i++) {
                const value = asString(this.resources[i].props[prop]);
                if (typeof value === "string") pushTo(index, value, i);
            }
            return index;
        });
    }

    /** The chain of ancestors' types and the resource's own type, read from the URN (works without the parents). */
    static typeChain(urn: string): string[] {
        const parts = urn.split("::");
        return parts.length >= 4 ? parts[2].split("$") : [];
    }

    /** Per-graph memo for derived views (network, security groups, ...), built once per evaluation. */
    view<T>(key: string, build: (g: Graph) => T): T {
        this.memo ??= new Map();
        if (!this.memo.has(key)) {
            this.memo.set(key, build(this));
        }
        return this.memo.get(key) as T;
    }
}
