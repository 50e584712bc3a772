/** Links between resources, the way the engine sees them: property dependencies first, known values second. */
import type { StackResource } from "../model/resource";
import { str } from "./props";

/** An index over a stack's resources. */
export class ResourceGraph {
    private readonly byUrn = new Map<string, StackResource>();
    private readonly byType = new Map<string, StackResource[]>();

    constructor(readonly resources: readonly StackResource[]) {
        for (const r of resources) {
            this.byUrn.set(r.urn, r);
            const list = this.byType.get(r.type) ?? [];
            list.push(r);
            this.byType.set(r.type, list);
        }
    }

    get(urn: string): StackResource | undefined {
        return this.byUrn.get(urn);
    }

    /** Every resource of one of `types`, in declaration order. */
    ofType(...types: string[]): StackResource[] {
        return this.resources.filter((r) => types.includes(r.type));
    }

    /** The resources of one of `types` that `r`'s property `prop` was computed from. */
    linkedBy(r: StackResource, prop: string, types: readonly string[]): StackResource[] {
        return (r.propertyDependencies[prop] ?? [])
            .map((urn) => this.byUrn.get(urn))
            .filter((x): x is StackResource => x !== undefined && types.includes(x.type));
    }

    /** The resources of one of `types` whose property `prop` was computed from `target`. */
    referencing(target: StackResource, types: readonly string[], prop: string): StackResource[] {
        return this.ofType(...types).filter((r) => (r.propertyDependencies[prop] ?? []).includes(target.urn));
    }

    /**
     * The resource of one of `types` that `r.props[prop]` points at: by property dependency, else by a known
     * value equal to one of the candidate's identifying properties (`id`, `arn`, `name`, ...).
     */
    resolve(r: StackResource, prop: string, types: readonly string[], keys: readonly string[] = ["id", "arn", "name"]): StackResource | undefined {
        const linked = this.linkedBy(r, prop, types);
        if (linked.length > 0) return linked[0];
        const value = str(r.props, prop);
        if (value === undefined) return undefined;
        return this.ofType(...types).find((c) => keys.some((k) => str(c.props, k) === value));
    }
}
