/**
 * Alias resolution as the Pulumi engine does it (`generateAliases` in the step generator): a resource is
 * also known by its own aliases and by every URN it would have had under one of its parent's aliases. So a
 * component that aliases its old type carries all its children along without each child naming an alias.
 */
import type { DeclaredResource } from "../harness/types";
import { makeUrn } from "../harness/recording-monitor";

function stackAndProject(urn: string): { stack: string; project: string } {
    const [head, project = ""] = urn.split("::");
    return { stack: head.replace(/^urn:pulumi:/, ""), project };
}

function typeAndName(urn: string): { type: string; name: string } {
    const parts = urn.split("::");
    const chain = parts[2] ?? "";
    return { type: chain.slice(chain.lastIndexOf("$") + 1), name: parts.slice(3).join("::") };
}

/** Every URN each resource of `resources` answers to besides its own, parents' aliases included. */
export function effectiveAliases(resources: DeclaredResource[]): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const resource of resources) {
        const own = resource.aliases;
        const parentAliases = resource.parent !== undefined ? (result.get(resource.parent) ?? []) : [];
        const { stack, project } = stackAndProject(resource.urn);
        const inherited = parentAliases.flatMap((parentAlias) => [
            makeUrn(stack, project, parentAlias, resource.type, resource.name),
            ...own.map((alias) => {
                const { type, name } = typeAndName(alias);
                return makeUrn(stack, project, parentAlias, type, name);
            }),
        ]);
        result.set(resource.urn, [...new Set([...own, ...inherited])].filter((urn) => urn !== resource.urn));
    }
    return result;
}
