/**
 * The stage-move engine: given the run of the stage a stack is in and the run of the stage it moves to,
 * decide what `pulumi up` would do to every resource, and whether any data would be lost.
 *
 * Matching is Pulumi's: same URN, or the new resource lists the old URN in `aliases`. Anything else is a
 * delete of the old resource and a create of the new one, whatever their names say.
 */
import type { DeclaredResource, ProgramRun } from "../harness/types";
import { effectiveAliases } from "./aliases";
import { recipeFor, typeInfo } from "./catalog";
import { compareInputs, type InputComparison } from "./compare";
import type { MigrationPath, PropertyChange, Transition, TransitionAction, TransitionOptions, TransitionResource } from "./types";
import { containsUnknown, sameValue, valueAt } from "./values";

const ACTIONS: readonly TransitionAction[] = ["keep", "update", "alias", "replace", "create", "delete"];

function lastSegment(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

function labelOf(run: ProgramRun, explicit: string | undefined): string {
    return explicit ?? run.config["runway:stage"] ?? run.stack;
}

function isStatefulResource(resource: DeclaredResource): boolean {
    return resource.custom && typeInfo(resource.type).stateful;
}

/** True when `resource` sets one of its type's restore properties (a snapshot to start from). */
function restoresFromSnapshot(resource: DeclaredResource, before?: DeclaredResource): boolean {
    return typeInfo(resource.type).restoreProperties.some((property) => {
        const value = valueAt(resource.inputs, property);
        const set = containsUnknown(value) || (typeof value === "string" && value.length > 0) || (Array.isArray(value) && value.length > 0);
        return set && (before === undefined || !sameValue(valueAt(before.inputs, property), value));
    });
}

function propertyChangesOf(comparison: InputComparison): PropertyChange[] {
    const changed = [...comparison.changed.entries()].map(([property, change]) => ({ property, change }));
    const unknown = [...comparison.unknown.entries()].map(([property, detail]) => ({ property, change: `may change (${detail})` }));
    return [...changed, ...unknown];
}

/** Decides the row of a resource of the new run that existed before (same URN or aliased). */
function matchedRow(before: DeclaredResource, after: DeclaredResource, aliased: boolean, comparison: InputComparison): TransitionResource {
    const row: TransitionResource = { urn: after.urn, type: after.type, action: "keep", stateful: isStatefulResource(after), reason: "" };
    const propertyChanges = propertyChangesOf(comparison);
    const changes = propertyChanges.map((c) => c.property);
    if (changes.length > 0) {
        row.changes = changes;
        row.propertyChanges = propertyChanges;
    }
    if (comparison.unknown.size > 0) row.unknown = [...comparison.unknown.keys()];
    if (aliased) row.aliasedFrom = before.urn;
    const details = propertyChanges.map((c) => `${c.property} ${c.change}`).join("; ");
    if (comparison.forced !== undefined) {
        const { property, detail, certain } = comparison.forced;
        row.action = "replace";
        row.property = property.property;
        row.reason = certain
            ? `${property.property} changes (${detail}), which forces replacement [${property.source}]`
            : `${property.property} may change (${detail}); it forces replacement, so Pulumi plans a replace [${property.source}]`;
        if (aliased) row.reason += `; also renamed from ${before.urn}`;
    } else if (aliased) {
        row.action = "alias";
        row.reason = `moved from ${before.urn} through aliases${details ? `; updates in place: ${details}` : ""}`;
    } else if (changes.length > 0) {
        row.action = "update";
        row.reason = `updates in place: ${details}`;
    } else {
        row.reason = after.custom ? "same URN, same inputs" : "same URN";
    }
    return row;
}

function createdRow(after: DeclaredResource): TransitionResource {
    const stateful = isStatefulResource(after);
    const restored = stateful && restoresFromSnapshot(after);
    const reason = restored
        ? `new in this stage; restores from a snapshot (${typeInfo(after.type).restoreProperties.find((p) => valueAt(after.inputs, p) !== undefined)})`
        : stateful
          ? "new in this stage; starts empty"
          : "new in this stage";
    return { urn: after.urn, type: after.type, action: "create", stateful, reason };
}

function deletedRow(before: DeclaredResource, to: string): TransitionResource {
    const stateful = isStatefulResource(before);
    const holds = typeInfo(before.type).holds;
    const reason = stateful && holds ? `not declared by ${to}; deleting it destroys ${holds}` : `not declared by ${to}`;
    return { urn: before.urn, type: before.type, action: "delete", stateful, reason };
}

/** The named final snapshot AWS takes when `resource` is deleted, if any. */
function finalSnapshotOf(resource: DeclaredResource): string | undefined {
    const name = resource.inputs.finalSnapshotIdentifier;
    return resource.inputs.skipFinalSnapshot !== true && typeof name === "string" && name.length > 0 ? name : undefined;
}

/** For a stateful delete or replace: how its data survives, if it does. */
function migrationOf(row: TransitionResource, before: DeclaredResource, after: DeclaredResource | undefined, created: DeclaredResource[]): MigrationPath | undefined {
    // A retained resource that is deleted keeps running beside the new stage; one that is replaced is
    // succeeded by an empty resource at the same URN, so retention alone does not carry its data over.
    if (row.action === "delete" && before.retainOnDelete) return "retained";
    if (row.action === "replace" && after !== undefined && typeInfo(after.type).restoresFrom.includes(before.type) && restoresFromSnapshot(after, before)) {
        return "snapshot-restore";
    }
    if (row.action === "delete" && created.some((c) => typeInfo(c.type).restoresFrom.includes(before.type) && restoresFromSnapshot(c))) {
        return "snapshot-restore";
    }
    return undefined;
}

function annotateDataLoss(row: TransitionResource, before: DeclaredResource, after: DeclaredResource | undefined, created: DeclaredResource[]): void {
    if (!row.stateful || (row.action !== "delete" && row.action !== "replace")) return;
    row.recipe = recipeFor(before.type);
    if (before.protect) {
        row.protectedBy = "protect";
        row.reason += "; the resource is protected, so `pulumi up` stops with an error until it is unprotected";
    }
    const migration = migrationOf(row, before, after, created);
    if (migration === "retained") {
        row.migration = migration;
        row.reason += "; retainOnDelete keeps it in AWS, so old and new run side by side until cut-over";
    } else if (migration === "snapshot-restore") {
        row.migration = migration;
        row.reason += "; its data is carried over by a snapshot restore in the new stage";
    } else {
        row.dataLoss = true;
        if (row.action === "replace" && before.retainOnDelete) row.reason += "; retainOnDelete keeps the old one in AWS, but its replacement starts empty";
        const snapshot = finalSnapshotOf(before);
        row.reason += snapshot
            ? `; no migration path: the running app loses this data at apply, recoverable only from the final snapshot "${snapshot}" (see ${row.recipe.doc})`
            : `; DATA LOSS: no migration path (see ${row.recipe.doc})`;
    }
}

/** For a delete: the created resource that looks like its successor, and the alias that would keep it. */
function aliasHint(before: DeclaredResource, created: DeclaredResource[]): string | undefined {
    const name = lastSegment(before.urn);
    const twin = created.find((c) => c.type === before.type && c.custom === before.custom && lastSegment(c.urn) === name);
    if (twin === undefined) return undefined;
    return `${twin.urn} has the same type and name: add aliases: ["${before.urn}"] (or { parent: <old parent> }) to it so Pulumi moves the resource instead of deleting and recreating it`;
}

function rank(row: TransitionResource): number {
    const destructive = row.action === "delete" || row.action === "replace";
    if (row.stateful && destructive) return 0;
    if (row.stateful && row.action !== "keep") return 1;
    if (row.stateful) return 2;
    if (destructive) return 3;
    if (row.action !== "keep") return 4;
    return 5;
}

/** Computes what `pulumi up` would do when a stack declared as `fromRun` is updated to `toRun`. */
export function computeTransition(fromRun: ProgramRun, toRun: ProgramRun, options: TransitionOptions = {}): Transition {
    const from = labelOf(fromRun, options.from);
    const to = labelOf(toRun, options.to);
    const include = (r: DeclaredResource) => (options.includeComponents ?? true) || r.custom;
    const oldByUrn = new Map(fromRun.resources.filter(include).map((r) => [r.urn, r]));
    const actions = new Map<string, TransitionAction>();
    const matched = new Set<string>();
    const pairs: { row: TransitionResource; before?: DeclaredResource; after?: DeclaredResource }[] = [];
    const aliasesOf = effectiveAliases(toRun.resources);

    for (const after of toRun.resources.filter(include)) {
        const direct = oldByUrn.get(after.urn);
        const aliasUrn = direct ? undefined : (aliasesOf.get(after.urn) ?? []).find((urn) => oldByUrn.has(urn) && !matched.has(urn));
        const before = direct ?? (aliasUrn !== undefined ? oldByUrn.get(aliasUrn) : undefined);
        let row: TransitionResource;
        if (before === undefined) {
            row = createdRow(after);
        } else {
            matched.add(before.urn);
            const comparison: InputComparison = after.custom
                ? compareInputs(before, after, (urn) => actions.get(urn))
                : { changed: new Map(), unknown: new Map() };
            row = matchedRow(before, after, direct === undefined, comparison);
        }
        actions.set(after.urn, row.action);
        pairs.push({ row, before, after });
    }
    for (const before of oldByUrn.values()) {
        if (!matched.has(before.urn)) pairs.push({ row: deletedRow(before, to), before });
    }

    const created = pairs.filter((p) => p.row.action === "create" && p.after !== undefined).map((p) => p.after as DeclaredResource);
    for (const { row, before, after } of pairs) {
        if (before === undefined) continue;
        if (row.action === "delete") {
            const hint = aliasHint(before, created);
            if (hint !== undefined) row.hint = hint;
        }
        annotateDataLoss(row, before, after, created);
    }

    const resources = pairs.map((p, index) => ({ row: p.row, index })).sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index).map((p) => p.row);
    const summary = Object.fromEntries(ACTIONS.map((action) => [action, resources.filter((r) => r.action === action).length])) as Record<TransitionAction, number>;
    return { from, to, resources, summary, blocked: resources.some((r) => r.dataLoss === true), preview: fromRun.preview || toRun.preview };
}

