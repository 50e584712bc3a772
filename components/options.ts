import type * as pulumi from "@pulumi/pulumi";

/** Options for an ordinary child: parented to the component so it inherits its provider and aliases. */
export function child(parent: pulumi.Resource, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { ...extra, parent };
}

/**
 * Options for a stateful child (database, cache, bucket, key, repository, secret): when `protect` is set,
 * `protect` and `retainOnDelete` are on, so neither `pulumi destroy` nor a stage move can delete its data.
 */
export function stateful(parent: pulumi.Resource, protect: boolean, extra: pulumi.CustomResourceOptions = {}): pulumi.CustomResourceOptions {
    return { ...extra, parent, protect, retainOnDelete: protect };
}
