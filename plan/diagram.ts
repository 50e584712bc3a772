/**
 * A mermaid flowchart of the stack that stays readable: one subgraph per component, repeated resources folded
 * into one node (`Subnet ×6`), edges from the real dependencies between folded nodes. When there are more than
 * `MAX_NODES` nodes, folding coarsens: by type within a component, then by type within each top-level component,
 * then by AWS service within each top-level component.
 */
import type { PlanResource } from "./document";

/** The most nodes the diagram aims for (the enterprise stage must fit). */
export const MAX_NODES = 60;

type FoldLevel = "parent-type" | "top-type" | "top-service";
const LEVELS: readonly FoldLevel[] = ["parent-type", "top-type", "top-service"];

interface Node {
    id: string;
    key: string;
    /** The component the node is drawn in (undefined: the stack itself). */
    component?: string;
    members: PlanResource[];
    label: string;
}

function shortType(type: string): string {
    return type.split(":").pop() ?? type;
}

function service(type: string): string {
    const [pkg, mod] = type.split(":");
    return `${pkg}:${(mod ?? "").split("/")[0]}`;
}

function isDrawn(r: PlanResource): boolean {
    return !r.type.startsWith("pulumi:providers:") && r.type !== "pulumi:pulumi:Stack";
}

/** A resource drawn as a node: cloud resources and remote components (which have no visible children). */
function isNode(r: PlanResource): boolean {
    return r.custom || r.remote;
}

function escapeLabel(text: string): string {
    return text.replace(/"/g, "#quot;").replace(/[<>]/g, (c) => (c === "<" ? "#lt;" : "#gt;"));
}

class Folder {
    private readonly byUrn: Map<string, PlanResource>;
    constructor(resources: PlanResource[]) {
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
    }

    /** The component a resource is drawn in: its nearest component ancestor. */
    parentComponent(r: PlanResource): string | undefined {
        let parent = r.parent ? this.byUrn.get(r.parent) : undefined;
        while (parent && (parent.custom || !isDrawn(parent))) {
            parent = parent.parent ? this.byUrn.get(parent.parent) : undefined;
        }
        return parent?.urn;
    }

    /** The outermost component above a resource. */
    topComponent(r: PlanResource): string | undefined {
        let top = this.parentComponent(r);
        for (let next = top; next; ) {
            top = next;
            const resource = this.byUrn.get(next);
            next = resource ? this.parentComponent(resource) : undefined;
        }
        return top;
    }

    fold(resources: PlanResource[], level: FoldLevel): Node[] {
        const nodes = new Map<string, Node>();
        for (const r of resources) {
            const component = level === "parent-type" ? this.parentComponent(r) : this.topComponent(r);
            const what = level === "top-service" && !r.remote ? service(r.type) : r.type;
            const key = `${component ?? ""}|${what}`;
            const node = nodes.get(key) ?? { id: `n${nodes.size + 1}`, key, component, members: [], label: "" };
            node.members.push(r);
            nodes.set(key, node);
        }
        for (const node of nodes.values()) {
            const first = node.members[0];
            const kind = level === "top-service" && !first.remote ? service(first.type) : shortType(first.type);
            const remote = first.remote ? " (remote: not checked)" : "";
            node.label = node.members.length > 1 ? `${kind} ×${node.members.length}${remote}` : `${kind}${remote}<br/>${first.name}`;
        }
        return [...nodes.values()];
    }

    get(urn: string): PlanResource | undefined {
        return this.byUrn.get(urn);
    }
}

/** Draws the resources as a mermaid flowchart. */
export function drawDiagram(resources: PlanResource[]): string {
    const drawn = resources.filter(isDrawn);
    const folder = new Folder(drawn);
    const nodeResources = drawn.filter(isNode);
    let level: FoldLevel = LEVELS[0];
    let nodes = folder.fold(nodeResources, level);
    for (const next of LEVELS.slice(1)) {
        if (nodes.length <= MAX_NODES) break;
        level = next;
        nodes = folder.fold(nodeResources, level);
    }
    const nodeOf = new Map<string, Node>();
    for (const node of nodes) {
        for (const member of node.members) nodeOf.set(member.urn, node);
    }

    // Components that contain a node, with their ancestors (nested subgraphs at the finest level only).
    const children = new Map<string | undefined, string[]>();
    const used = new Set<string>();
    const addComponent = (urn: string | undefined): void => {
        if (urn === undefined || used.has(urn)) return;
        used.add(urn);
        const resource = folder.get(urn);
        const parent = level === "parent-type" && resource ? folder.parentComponent(resource) : undefined;
        children.set(parent, [...(children.get(parent) ?? []), urn]);
        addComponent(parent);
    };
    nodes.forEach((n) => addComponent(n.component));

    const lines = ["flowchart LR"];
    const componentIds = new Map<string, string>();
    const emit = (component: string | undefined, indent: string): void => {
        for (const node of nodes.filter((n) => n.component === component)) {
            lines.push(`${indent}${node.id}["${escapeLabel(node.label).replace(/#lt;br\/#gt;/g, "<br/>")}"]`);
        }
        for (const child of children.get(component) ?? []) {
            const resource = folder.get(child);
            const id = `c${componentIds.size + 1}`;
            componentIds.set(child, id);
            lines.push(`${indent}subgraph ${id}["${escapeLabel(`${resource ? shortType(resource.type) : "component"}: ${resource?.name ?? child}`)}"]`);
            emit(child, `${indent}  `);
            lines.push(`${indent}end`);
        }
    };
    emit(undefined, "  ");

    const edges = new Set<string>();
    for (const r of nodeResources) {
        const from = nodeOf.get(r.urn);
        for (const dep of r.dependencies) {
            const to = nodeOf.get(dep);
            if (from && to && from !== to) edges.add(`  ${to.id} --> ${from.id}`);
        }
    }
    lines.push(...[...edges].sort());
    return lines.join("\n");
}
