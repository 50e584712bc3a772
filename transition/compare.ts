/**
 * Compares one resource's inputs before and after a move, as `pulumi up` would: which properties change,
 * which may change (not known until apply), and whether any of them forces a replacement.
 */
import { asBool } from "../model/values";
import type { DeclaredResource } from "../harness/types";
import { typeInfo, type ReplacementProperty } from "./catalog";
import type { TransitionAction } from "./types";
import { isRecord, isWireSecret } from "../model/wire";
import { containsUnknown, describeChange, isEngineKey, referencedUrns, sameValue, valueAt } from "./values";

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
    if (!sameValue(oldValue, newValue)) return { kind: "changed", detail: describeChange(oldValue, newValue) };
    if (moving !== undefined) return { kind: "unknown", detail: moving };
    return undefined;
}

function dependenciesOf(resource: DeclaredResource, key: string, value: unknown): string[] {
    return [...new Set([...(resource.propertyDependencies[key] ?? []), ...referencedUrns(value)])];
}

/**
 * Splits an `ignoreChanges` property path into segments: `a.b`, `a[0]`, `a["b.c"]`, `a.*`, `a[*]`.
 * Undefined for a path the engine would reject as malformed.
 */
export function parsePropertyPath(path: string): string[] | undefined {
    const segments: string[] = [];
    let current = "";
    let i = 0;
    while (i < path.length) {
        const c = path[i];
        if (c === ".") {
            if (current === "") return undefined;
            segments.push(current);
            current = "";
            i++;
        } else if (c === "[") {
            if (current !== "") segments.push(current);
            current = "";
            if (path[i + 1] === '"') {
                const end = path.indexOf('"]', i + 2);
                if (end < 0) return undefined;
                segments.push(path.slice(i + 2, end));
                i = end + 2;
            } else {
                const end = path.indexOf("]", i);
                if (end < 0) return undefined;
                segments.push(path.slice(i + 1, end));
                i = end + 1;
            }
            if (path[i] === ".") i++;
        } else {
            current += c;
            i++;
        }
    }
    if (current !== "") segments.push(current);
    return segments.length > 0 ? segments : undefined;
}

/** `newValue` with the value at `segments` reset to `oldValue`'s (removed when the old value has none). */
function resetPath(oldValue: unknown, newValue: unknown, segments: string[]): unknown {
    if (segments.length === 0) return oldValue;
    if (isWireSecret(newValue)) return { ...newValue, value: resetPath(isWireSecret(oldValue) ? oldValue.value : oldValue, newValue.value, segments) };
    const old = isWireSecret(oldValue) ? oldValue.value : oldValue;
    const [head, ...rest] = segments;
    if (Array.isArray(newValue)) {
        const copy: unknown[] = [...newValue];
        const oldArray = Array.isArray(old) ? old : [];
        const indexes = head === "*" ? copy.map((_, index) => index) : /^\d+$/.test(head) ? [Number(head)] : [];
        for (const index of indexes) {
            if (index < copy.length) copy[index] = resetPath(oldArray[index], copy[index], rest);
        }
        return copy;
    }
    if (newValue !== undefined && !isRecord(newValue)) return newValue;
    const copy: Record<string, unknown> = { ...(newValue ?? {}) };
    const oldRecord = isRecord(old) ? old : {};
    const keys = head === "*" ? [...new Set([...Object.keys(copy), ...Object.keys(oldRecord)])] : [head];
    for (const key of keys) {
        const value = resetPath(oldRecord[key], copy[key], rest);
        if (value === undefined) delete copy[key];
        else copy[key] = value;
    }
    return newValue === undefined && Object.keys(copy).length === 0 ? undefined : copy;
}

/**
 * The inputs the engine diffs for `after` once its `ignoreChanges` apply: each ignored path takes its old
 * value, or is dropped when the old inputs have none (the engine's `processIgnoreChanges`). Also returns
 * the top-level keys ignored whole, which then cannot change, whatever their sources do.
 */
export function applyIgnoreChanges(before: DeclaredResource, after: DeclaredResource): { inputs: Record<string, unknown>; ignoredKeys: Set<string> } {
    let inputs: Record<string, unknown> = after.inputs;
    const ignoredKeys = new Set<string>();
    for (const path of after.ignoreChanges) {
        const segments = parsePropertyPath(path);
        if (segments === undefined) continue;
        const reset = resetPath(before.inputs, inputs, segments);
        inputs = isRecord(reset) ? reset : {};
        if (segments.length === 1) {
            if (segments[0] === "*") Object.keys({ ...before.inputs, ...after.inputs }).forEach((key) => ignoredKeys.add(key));
            else ignoredKeys.add(segments[0]);
        }
    }
    return { inputs, ignoredKeys };
}

/**
 * Compares `before`'s inputs with `after`'s (a custom resource at the same URN or aliased to it). Paths in
 * `after.ignoreChanges` keep their old values, as the engine does, so they neither update nor replace.
 */
export function compareInputs(before: DeclaredResource, after: DeclaredResource, actionOf: ActionLookup): InputComparison {
    const result: InputComparison = { changed: new Map(), unknown: new Map() };
    const { inputs: afterInputs, ignoredKeys } = applyIgnoreChanges(before, after);
    const keys = new Set([...Object.keys(before.inputs), ...Object.keys(afterInputs)]);
    for (const key of [...keys].sort()) {
        if (isEngineKey(key) || ignoredKeys.has(key)) continue;
        const outcome = compareValue(before.inputs[key], afterInputs[key], dependenciesOf(after, key, afterInputs[key]), actionOf);
        if (outcome?.kind === "changed") result.changed.set(key, outcome.detail);
        if (outcome?.kind === "unknown") result.unknown.set(key, outcome.detail);
    }
    for (const property of typeInfo(after.type).replaceOnChange) {
        if (property.onlyIf !== undefined && asBool(valueAt(afterInputs, property.onlyIf)) !== true) continue;
        const top = property.property.split(".")[0];
        if (ignoredKeys.has(top)) continue;
        let outcome: { kind: "changed" | "unknown"; detail: string } | undefined;
        if (top === property.property) {
            const changed = result.changed.get(top);
            const unknown = result.unknown.get(top);
            outcome = changed !== undefined ? { kind: "changed", detail: changed } : unknown !== undefined ? { kind: "unknown", detail: unknown } : undefined;
        } else {
            outcome = compareValue(valueAt(before.inputs, property.property), valueAt(afterInputs, property.property), dependenciesOf(after, top, afterInputs[top]), actionOf);
        }
        if (outcome === undefined) continue;
        const certain = outcome.kind === "changed";
        if (result.forced === undefined || (certain && !result.forced.certain)) {
            result.forced = { property, detail: outcome.detail, certain };
        }
    }
    return result;
}
