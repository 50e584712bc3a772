/**
 * CrossGuard resources → `StackResource`, without ever reading through the unknown-checking proxy: the raw
 * object is taken from the proxy's `__getSpecialProxyTarget` key (see `@pulumi/policy/proxy.js`), which the
 * proxy answers without inspecting any value.
 */
import type { PolicyResource, ResourceValidationArgs } from "@pulumi/policy";
import type { StackResource } from "./resource";
import { isRecord } from "./wire";

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
 * One `AnalyzeStack` resource as a StackResource. `providers` (URN → properties) lets a whole-stack conversion read
 * each provider's properties once instead of once per resource it serves (they are the same within one call).
 */
export function fromPolicyResource(r: PolicyResource, providers?: Map<string, Record<string, unknown>>): StackResource {
    const propertyDependencies: Record<string, string[]> = {};
    const deps: unknown = r.propertyDependencies;
    if (isRecord(deps)) {
        // The engine lists every input, most with no dependency: keep only the links (readers use `?? []`).
        for (const key of Object.keys(deps)) {
            const list: unknown = deps[key];
            if (Array.isArray(list) && list.length > 0) {
                propertyDependencies[key] = urnsOf(list);
            }
        }
    }
    const parent: unknown = r.parent;
    const out: StackResource = {
        urn: String(r.urn),
        type: String(r.type),
        name: String(r.name),
        props: rawProps(r.props),
        dependencies: urnsOf(r.dependencies),
        propertyDependencies,
        protect: r.opts?.protect === true,
    };
    if (isRecord(parent) && typeof parent.urn === "string") {
        out.parent = parent.urn;
    } else if (typeof r.opts?.parent === "string" && r.opts.parent !== "") {
        out.parent = r.opts.parent;
    }
    const provider = r.provider;
    if (provider) {
        const urn = String(provider.urn);
        let props = providers?.get(urn);
        if (props === undefined) {
            props = rawProps(provider.props);
            providers?.set(urn, props);
        }
        out.providerProps = props;
    }
    return out;
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
