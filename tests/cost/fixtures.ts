/** A small typed builder of `StackResource`s for cost tests. */
import type { StackResource } from "../../model/resource";

const STACK = "dev";
const PROJECT = "costtest";

/** One resource's declaration in a fixture. */
export interface FixtureResource {
    type: string;
    name: string;
    props?: Record<string, unknown>;
    /** Property name → names of the fixture resources its value came from. */
    deps?: Record<string, string[]>;
    parent?: string;
    providerProps?: Record<string, unknown>;
}

/** The URN a fixture resource gets. */
export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

/** Builds `StackResource`s; `deps` and `parent` name other fixture resources. */
export function stack(...decls: FixtureResource[]): StackResource[] {
    const urns = new Map(decls.map((d) => [d.name, urnOf(d.type, d.name)]));
    const resolve = (name: string): string => {
        const urn = urns.get(name);
        if (urn === undefined) throw new Error(`fixture: no resource named ${name}`);
        return urn;
    };
    return decls.map((d) => {
        const propertyDependencies = Object.fromEntries(Object.entries(d.deps ?? {}).map(([k, names]) => [k, names.map(resolve)]));
        const resource: StackResource = {
            urn: urnOf(d.type, d.name),
            type: d.type,
            name: d.name,
            props: d.props ?? {},
            dependencies: [...new Set(Object.values(propertyDependencies).flat())],
            propertyDependencies,
            protect: false,
        };
        if (d.parent !== undefined) resource.parent = resolve(d.parent);
        if (d.providerProps !== undefined) resource.providerProps = d.providerProps;
        return resource;
    });
}
