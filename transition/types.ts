/**
 * The vocabulary of a stage move: what `pulumi up` would do to each resource when a stack goes from one
 * program run (the stage it is in) to another (the stage it moves to).
 */

/** What the engine would do to one resource. */
export type TransitionAction = "keep" | "update" | "alias" | "replace" | "create" | "delete";

/** How the data of a stateful resource that is deleted or replaced survives, when it does. */
export type MigrationPath =
    /** A resource created by the move restores from a snapshot of this one (`snapshotIdentifier`, `snapshotName`...). */
    | "snapshot-restore"
    /** `retainOnDelete`: Pulumi forgets the resource but AWS keeps it, so old and new run side by side. */
    | "retained";

/** The data-preserving procedure for a stateful resource that would lose data, in `docs/growth.md`. */
export interface Recipe {
    /** Section title in `docs/growth.md`. */
    title: string;
    /** `docs/growth.md#<anchor>`. */
    doc: string;
}

/** How one input property changes: `old → new`, or `may change (why)` when its new value is not known until apply. */
export interface PropertyChange {
    property: string;
    change: string;
}

/** One resource's fate in the move. */
export interface TransitionResource {
    /** The URN after the move (the old URN for a deleted resource). */
    urn: string;
    /** Type token. */
    type: string;
    /** What `pulumi up` would do. */
    action: TransitionAction;
    /** True when the resource holds data (databases, caches, buckets, keys, logs, registries, secrets, volumes...). */
    stateful: boolean;
    /** One sentence: why this action, naming the properties involved. */
    reason: string;
    /** For `replace`: the replacement-forcing property that changes (the first, when several do). */
    property?: string;
    /** Every input property that changes (or may change, when not known until apply). */
    changes?: string[];
    /** The same properties, in the same order, each with how it changes (what an update in place shows). */
    propertyChanges?: PropertyChange[];
    /** Properties whose new value is not known until apply (preview), so they may change. */
    unknown?: string[];
    /** For `alias`: the URN the resource had before the move. */
    aliasedFrom?: string;
    /** For a stateful `delete`/`replace`: how its data survives, when it does. */
    migration?: MigrationPath;
    /** True when this stateful resource is deleted or replaced with no migration path (its data is gone, or left behind outside the stack). */
    dataLoss?: boolean;
    /** For a stateful `delete`/`replace`: the data-preserving procedure. */
    recipe?: Recipe;
    /** A concrete fix, e.g. the alias that would turn a delete + create into a rename. */
    hint?: string;
    /** `protect` is set on the resource being deleted or replaced: `pulumi up` stops with an error. */
    protectedBy?: "protect";
}

/** What a move does, resource by resource. */
export interface Transition {
    /** Stage (or label) the stack is in. */
    from: string;
    /** Stage (or label) it moves to. */
    to: string;
    /** Every resource of either run, stateful changes first. */
    resources: TransitionResource[];
    /** Action counts. */
    summary: Record<TransitionAction, number>;
    /** True when a stateful resource would be deleted or replaced without a migration path. */
    blocked: boolean;
    /** True when either run was a preview (some inputs unknown). */
    preview: boolean;
}

/** Options of `computeTransition`. */
export interface TransitionOptions {
    /** Label of the old run (default: its `runway:stage` config, else its stack name). */
    from?: string;
    /** Label of the new run (default: its `runway:stage` config, else its stack name). */
    to?: string;
    /** Include component resources and providers (default true). */
    includeComponents?: boolean;
}
