/**
 * The few `@pulumi/pulumi` internals the harness needs, in one place (they are not in the public typings).
 * `@pulumi/pulumi` is pinned exactly in package.json; a test exercises each of these on every run.
 */
interface MockFeatureStore {
    supportsSecrets: boolean;
    supportsResourceReferences: boolean;
    supportsOutputValues: boolean;
    supportsDeletedWith: boolean;
    supportsAliasSpecs: boolean;
    supportsTransforms: boolean;
    supportsInvokeTransforms: boolean;
}

interface SettingsModule {
    waitForRPCs(): Promise<void>;
}

interface StateModule {
    getStore(): MockFeatureStore;
}

import type { Output } from "@pulumi/pulumi";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as SettingsModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as StateModule;

/** Waits until every outstanding RPC (registrations, invokes, output registrations) has finished. */
export function waitForRPCs(): Promise<void> {
    return settings.waitForRPCs();
}

/**
 * Turns on the monitor features `pulumi.runtime.setMocks` turns on (secrets, resource references, alias specs,
 * transforms), which `setMockOptions` alone leaves off. Output values stay off, as in `setMocks`.
 */
export function enableMockFeatures(): void {
    const store = state.getStore();
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsAliasSpecs = true;
    store.supportsTransforms = true;
    store.supportsInvokeTransforms = true;
}

/** The value inside an Output (undefined when unknown, as in a preview), without running an apply. */
export function outputValue(output: Output<unknown>): Promise<unknown> {
    return (output as unknown as { promise(): Promise<unknown> }).promise();
}
