/**
 * Which stage profile applies to a resource, without Runway-specific assumptions breaking other programs:
 * 1. pack config `stage`;
 * 2. the resource's `runway:stage` or `stage` tag (its own tags, or the provider's `defaultTags`);
 * 3. a Runway stage component (`runway:stage:Zero|Hero|Enterprise`) among its ancestors (read from the URN);
 * 4. the same evidence anywhere in the stack (stack policies only), when it is unanimous;
 * 5. otherwise the strict profile, `enterprise`.
 */
import { Graph } from "../../model/graph";
import type { StackResource } from "../../model/resource";
import { STAGES, type PackSettings, type Stage } from "./settings";
import { tagsOf } from "../../model/values";

const STAGE_TAGS = ["runway:stage", "stage"];
const STAGE_COMPONENT = /^runway:stage:(zero|hero|enterprise)$/i;

function asStage(text: string | undefined): Stage | undefined {
    const s = text?.trim().toLowerCase();
    return s && (STAGES as readonly string[]).includes(s) ? (s as Stage) : undefined;
}

/** Stage evidence carried by the resource itself (tags, URN); undefined when it has none. */
export function ownStage(r: StackResource): Stage | undefined {
    const tags = tagsOf(r.props, r.providerProps);
    for (const key of STAGE_TAGS) {
        const s = asStage(tags[key]);
        if (s) return s;
    }
    for (const type of Graph.typeChain(r.urn)) {
        const m = STAGE_COMPONENT.exec(type);
        if (m) return m[1].toLowerCase() as Stage;
    }
    return undefined;
}

/** The stack's stage when every resource that says anything says the same. */
function stackStage(g: Graph): Stage | undefined {
    return g.view("stack-stage", (graph) => {
        const seen = new Set<Stage>();
        for (const r of graph.resources) {
            const s = ownStage(r);
            if (s) seen.add(s);
        }
        return seen.size === 1 ? [...seen][0] : undefined;
    });
}

export function stageOf(r: StackResource | undefined, settings: PackSettings, graph: Graph): Stage {
    return settings.stage ?? (r ? ownStage(r) : undefined) ?? stackStage(graph) ?? "enterprise";
}
