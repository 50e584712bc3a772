/**
 * One resource graph per stack evaluation, built in O(N): resources indexed by URN, by type and by every
 * physical identifier they expose (id, ARN, name-like properties), so that policies can follow references the
 * way programs write them — by id, by name, or (in preview, where both are unknown) through the
 * `propertyDependencies` the engine fills in.
 */
import type { StackResource } from "../lib/resource";
import { UNKNOWN, plain } from "../lib/values";

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

export class Graph {
    readonly resources: readonly StackResource[];
    private readonly byUrn = new Map<string, StackResource>();
    private readonly byType = new Map<string, StackResource[]>();
    /** identifier → type → resources exposing it (values like a shared `name` can be common: no scans). */
    private readonly byKey = new Map<string, Map<string, StackResource[]>>();
    private readonly memo = new Map<string, unknown>();

    constructor(resources: readonly StackResource[]) {
        this.resources = resources;
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            const list = this.byType.get(r.type);
            if (list) list.push(r);
            else this.byType.set(r.type, [r]);
            for (const prop of IDENTIFIER_PROPS) {
                const v = plain(r.props[prop]);
                if (typeof v === "string" && v !== "") {
                    let byType = this.byKey.get(v);
                    if (!byType) {
                        byType = new Map();
                        this.byKey.set(v, byType);
                    }
                    const keyed = byType.get(r.type);
                    if (!keyed) {
                        byType.set(r.type, [r]);
                    } else if (keyed[keyed.length - 1] !== r) {
                        // r's identifiers are indexed together: if it is already listed, it is the last one.
                        keyed.push(r);
                    }
                }
            }
        }
    }

    get(urn: string): StackResource | undefined {
        return this.byUrn.get(urn);
    }

    ofType(...types: string[]): StackResource[] {
        const out: StackResource[] = [];
        for (const t of types) {
            const list = this.byType.get(t);
            if (list) out.push(...list);
        }
        return out;
    }

    /** Resources of `types` that expose `key` as an identifier. */
    lookup(key: string, types: readonly string[]): StackResource[] {
        const byType = this.byKey.get(key);
        if (!byType) {
            return [];
        }
        const out: StackResource[] = [];
        for (const type of new Set(types)) {
            const list = byType.get(type);
            if (list) out.push(...list);
        }
        return out;
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
            const fromDeps = (resource.propertyDependencies[prop] ?? [])
                .map((urn) => this.byUrn.get(urn))
                .filter((r): r is StackResource => r !== undefined && types.includes(r.type) && !targets.includes(r));
            targets.push(...fromDeps);
            unknown = parts.unknown > 0 && fromDeps.length === 0;
            if (fromDeps.length >= external.length) {
                external.length = 0;
            }
        }
        return { targets, unknown, external };
    }

    /** The chain of ancestors' types and the resource's own type, read from the URN (works without the parents). */
    static typeChain(urn: string): string[] {
        const parts = urn.split("::");
        return parts.length >= 4 ? parts[2].split("$") : [];
    }

    /** Per-graph memo for derived views (network, security groups, ...), built once per evaluation. */
    view<T>(key: string, build: (g: Graph) => T): T {
        if (!this.memo.has(key)) {
            this.memo.set(key, build(this));
        }
        return this.memo.get(key) as T;
    }
}
