/**
 * CrossGuard resources → `StackResource`, without ever reading through the unknown-checking proxy: the raw
 * object is taken from the proxy's `__getSpecialProxyTarget` key (see `@pulumi/policy/proxy.js`), which the
 * proxy answers without inspecting any value.
 */
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import type { DependencyLinks, StackResource } from "../../model/resource";
import { isRecord } from "../../model/wire";

/** The key the CrossGuard proxy answers with its target object. */
export const PROXY_TARGET_KEY = "__getSpecialProxyTarget";

/** The raw object behind a CrossGuard proxy (or the object itself when it is not a proxy). */
export function rawProps(props: unknown): Record<string, unknown> {
    if (!isRecord(props)) {
        return {};
    }
    const target: unknown = (props as Record<string, unknown>)[PROXY_TARGET_KEY];
    return isRecord(target) ? target : props;
}

function urnsOf(list: unknown): string[] {
    if (!Array.isArray(list)) {
        return [];
    }
    const out: string[] = [];
    for (const item of list) {
        if (isRecord(item) && typeof item.urn === "string") {
            out.push(item.urn);
        }
    }
    return out;
}

/**
 * One `AnalyzeStack` resource as a StackResource, converted field by field when a rule first reads it.
 *
 * Only `urn`, `type` and `name` are read up front (every graph index needs them). Properties, dependencies,
 * property dependencies, parent, `protect` and the provider's properties wait for a reader: in a stack of 100,000
 * resources most are never asked for their dependencies, and resources of types no rule looks at are never
 * asked for anything. In-process the harness then skips deserializing what nobody reads; over gRPC the server has
 * already done it and only the pack's own copies are saved. `providers` (URN → properties, one map per call) lets
 * the resources of one call read each provider's properties once instead of once per resource it serves.
 */
class PolicyStackResource implements StackResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    private cachedProps?: Record<string, unknown>;
    private cachedDependencies?: string[];
    private cachedPropertyDependencies?: Record<string, string[]>;
    private cachedParent?: string | null;
    private cachedProviderProps?: Record<string, unknown> | null;

    constructor(
        private readonly source: PolicyResource,
        private readonly providers: Map<string, Record<string, unknown>>,
    ) {
        this.urn = String(source.urn);
        this.type = String(source.type);
        this.name = String(source.name);
    }

    get props(): Record<string, unknown> {
        return (this.cachedProps ??= rawProps(this.source.props));
    }

    get dependencies(): string[] {
        return (this.cachedDependencies ??= urnsOf(this.source.dependencies));
    }

    get propertyDependencies(): Record<string, string[]> {
        if (this.cachedPropertyDependencies === undefined) {
            const out: Record<string, string[]> = {};
            const deps: unknown = this.source.propertyDependencies;
            if (isRecord(deps)) {
                // The engine lists every input, most with no dependency: keep only the links (readers use `?? []`).
                for (const key of Object.keys(deps)) {
                    const list: unknown = deps[key];
                    if (Array.isArray(list) && list.length > 0) {
                        out[key] = urnsOf(list);
                    }
                }
            }
            this.cachedPropertyDependencies = out;
        }
        return this.cachedPropertyDependencies;
    }

    get parent(): string | undefined {
        if (this.cachedParent === undefined) {
            const parent: unknown = this.source.parent;
            const fromOptions = this.source.opts?.parent;
            this.cachedParent = isRecord(parent) && typeof parent.urn === "string" ? parent.urn : typeof fromOptions === "string" && fromOptions !== "" ? fromOptions : null;
        }
        return this.cachedParent ?? undefined;
    }

    /** The resources CrossGuard linked to `prop` (its `propertyDependencies[prop]`, already resolved to objects). */
    dependencySources(prop: string): readonly unknown[] {
        const deps: unknown = this.source.propertyDependencies;
        const list: unknown = isRecord(deps) ? deps[prop] : undefined;
        return Array.isArray(list) ? list : [];
    }

    get protect(): boolean {
        return this.source.opts?.protect === true;
    }

    get providerProps(): Record<string, unknown> | undefined {
        if (this.cachedProviderProps === undefined) {
            const provider = this.source.provider;
            if (provider) {
                const urn = String(provider.urn);
                let props = this.providers.get(urn);
                if (props === undefined) {
                    props = rawProps(provider.props);
                    this.providers.set(urn, props);
                }
                this.cachedProviderProps = props;
            } else {
                this.cachedProviderProps = null;
            }
        }
        return this.cachedProviderProps ?? undefined;
    }
}

/**
 * A whole `AnalyzeStack` call's resources, converted on first read, and the links between them. CrossGuard has
 * already resolved each dependency to the resource object it names, so the links follow those objects (one
 * identity lookup each) instead of turning them back into URNs to look up by string. CrossGuard's objects are
 * left as they are.
 */
export function fromPolicyResources(resources: readonly PolicyResource[]): { resources: StackResource[]; links: DependencyLinks } {
    const count = resources.length;
    const converted = new Array<StackResource>(count);
    const bySource = new Map<unknown, StackResource>();
    const providers = new Map<string, Record<string, unknown>>();
    for (let i = 0; i < count; i++) {
        const r = new PolicyStackResource(resources[i], providers);
        converted[i] = r;
        bySource.set(resources[i], r);
    }
    const links: DependencyLinks = (resource, prop) => {
        if (!(resource instanceof PolicyStackResource)) {
            return undefined;
        }
        const sources = resource.dependencySources(prop);
        const out = new Array<StackResource>(sources.length); // exact size: a pushed-to array reserves 17 slots
        let n = 0;
        for (let i = 0; i < sources.length; i++) {
            const target = bySource.get(sources[i]);
            if (target !== undefined) out[n++] = target;
        }
        if (n < out.length) out.length = n;
        return out;
    };
    return { resources: converted, links };
}

/** The resource an `Analyze` call is about (inputs only; no dependencies are sent). */
export function fromValidationArgs(args: ResourceValidationArgs): StackResource {
    const out: StackResource = {
        urn: String(args.urn),
        type: String(args.type),
        name: String(args.name),
        props: rawProps(args.props),
        dependencies: [],
        propertyDependencies: {},
        protect: args.opts?.protect === true,
    };
    if (typeof args.opts?.parent === "string" && args.opts.parent !== "") {
        out.parent = args.opts.parent;
    }
    if (args.provider) {
        out.providerProps = rawProps(args.provider.props);
    }
    return out;
}
