/**
 * The one resource shape every graph question is asked of, whatever produced it: CrossGuard's
 * `PolicyResource` (in the pack, in-process or over gRPC) or the harness's `DeclaredResource` (plan, cost).
 */
export interface StackResource {
    /** The resource's URN. */
    urn: string;
    /** The type token, e.g. `aws:ec2/subnet:Subnet`. */
    type: string;
    /** The logical name. */
    name: string;
    /**
     * Raw properties (never a CrossGuard proxy): unknown values are the sentinel strings of `./wire`
     * (check with `isUnknown` before use), secrets are unwrapped to their plain values.
     */
    props: Record<string, unknown>;
    /** Parent URN, if any. */
    parent?: string;
    /** URNs this resource depends on. */
    dependencies: string[];
    /** For each property, the URNs its value was computed from (filled by the engine even in preview). */
    propertyDependencies: Record<string, string[]>;
    /** `protect` resource option. */
    protect: boolean;
    /** Raw properties of the resource's explicit provider (e.g. its `defaultTags`), when it has one. */
    providerProps?: Record<string, unknown>;
}

/**
 * Follows a resource's property dependencies straight to the resources they name, for producers that already hold
 * them as objects (CrossGuard's `AnalyzeStack` resources): `undefined` when it cannot, and the URNs are looked up.
 */
export type DependencyLinks = (resource: StackResource, prop: string) => readonly StackResource[] | undefined;
