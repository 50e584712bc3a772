/**
 * Compares one resource's inputs before and after a move, as `pulumi up` would: which properties change,
 * which may change (not known until apply), and whether any of them forces a replacement.
 */
import type { DeclaredResource } from "../harness/types";
import { typeInfo, type ReplacementProperty } from "./catalog";
import type { TransitionAction } from "./types";
import { containsUnknown, isEngineKey, referencedUrns, sameValue, show, valueAt } from "./values";

/** Actions after which a resource's outputs (ids, names, ARNs) are what they were. */
const STABLE: ReadonlySet<TransitionAction> = new Set<TransitionAction>(["keep", "update", "alias"]);

/** The outcome of comparing one resource's inputs. */
export interface InputComparison {
    /** Properties whose value changes, with a printable "old → new". */
    changed: Map<string, string>;
    /** Properties that may change, with why they are not known. */
    unknown: Map<string, string>;
    /** The first replacement-forcing property that changes, and its source. */
    forced?: { property: ReplacementProperty; detail: string; certain: boolean };
}

/** Looks up the action already decided for a resource of the new run (resources are visited in registration order). */
export type ActionLookup = (urn: string) => TransitionAction | undefined;

function lastSegment(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** Why a value derived from `deps` may change, or undefined when every dependency keeps its outputs. */
function unstableDependencies(deps: string[], actionOf: ActionLookup): string | undefined {
    const moving = deps.filter((urn) => {
        const action = actionOf(urn);
        return action !== undefined && !STABLE.has(action);
    });
    if (moving.length === 0) return undefined;
    return `comes from ${moving.map((urn) => `${lastSegment(urn)} (${actionOf(urn)})`).join(", ")}`;
}

/** Compares one value: undefined when equal, else { kind, detail }. */
function compareValue(oldValue: unknown, newValue: unknown, deps: string[], actionOf: ActionLookup): { kind: "changed" | "unknown"; detail: string } | undefined {
    const moving = unstableDependencies(deps, actionOf);
    if (containsUnknown(newValue)) {
        const settled = deps.length > 0 && moving === undefined && deps.every((urn) => actionOf(urn) !== undefined);
        if (settled) return undefined;
        return { kind: "unknown", detail: moving ?? "not known until apply" };
    }
    if (containsUnknown(oldValue)) {
        return sameValue(oldValue, newValue) ? undefined : { kind: "unknown", detail: "the value before the move is not known offline" };
    }
    if (!sameValue(oldValue, newValue)) return { kind: "changed", detail: `${show(oldValue)} → ${show(newValue)}` };
    if (moving !== undefined) return { kind: "unknown", detail: moving };
    return undefined;
}

function dependenciesOf(resource: DeclaredResource, key: string, value: unknown): string[] {
    return [...new Set([...(resource.propertyDependencies[key] ?? []), ...referencedUrns(value)])];
}

/** Compares `before`'s inputs with `after`'s (a custom resource at the same URN or aliased to it). */
export function compareInputs(before: DeclaredResource, after: DeclaredResource, actionOf: ActionLookup): InputComparison {
    const result: InputComparison = { changed: new Map(), unknown: new Map() };
    const keys = new Set([...Object.keys(before.inputs), ...Object.keys(after.inputs)]);
    for (const key of [...keys].sort()) {
        if (isEngineKey(key)) continue;
        const outcome = compareValue(before.inputs[key], after.inputs[key], dependenciesOf(after, key, after.inputs[key]), actionOf);
        if (outcome?.kind === "changed") result.changed.set(key, outcome.detail);
        if (outcome?.kind === "unknown") result.unknown.set(key, outcome.detail);
    }
    for (const property of typeInfo(after.type).replaceOnChange) {
        if (property.onlyIf !== undefined && valueAt(after.inputs, property.onlyIf) !== true) continue;
        const top = property.property.split(".")[0];
        let outcome: { kind: "changed" | "unknown"; detail: string } | undefined;
        if (top === property.property) {
            const changed = result.changed.get(top);
            const unknown = result.unknown.get(top);
            outcome = changed !== undefined ? { kind: "changed", detail: changed } : unknown !== undefined ? { kind: "unknown", detail: unknown } : undefined;
        } else {
            outcome = compareValue(valueAt(before.inputs, property.property), valueAt(after.inputs, property.property), dependenciesOf(after, top, after.inputs[top]), actionOf);
        }
        if (outcome === undefined) continue;
        const certain = outcome.kind === "changed";
        if (result.forced === undefined || (certain && !result.forced.certain)) {
            result.forced = { property, detail: outcome.detail, certain };
        }
    }
    return result;
}
