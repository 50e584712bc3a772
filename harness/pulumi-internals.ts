/**
 * The few `@pulumi/pulumi` internals the harness needs, in one place (they are not in the public typings).
 * `@pulumi/pulumi` is pinned exactly in package.json; a test exercises each of these on every run.
 */
interface SettingsModule {
    waitForRPCs(): Promise<void>;
}

/** The runtime store's monitor feature flags (`supportsSecrets`, `supportsAliasSpecs`, ...). */
type FeatureFlags = Record<string, boolean>;

interface StateModule {
    getStore(): Record<string, unknown>;
}

import * as pulumi from "@pulumi/pulumi";
import type { Output } from "@pulumi/pulumi";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as SettingsModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as StateModule;

let mockFlags: FeatureFlags | undefined;

/**
 * The monitor features `pulumi.runtime.setMocks` turns on, read from the runtime store after calling it (once per
 * process): whatever this @pulumi/pulumi version sets, never a hand-copied list that drifts (it had drifted by five
 * flags at 3.270). `setMockOptions`, which the recording monitor needs, resets them all to false.
 */
export async function mockFeatureFlags(): Promise<FeatureFlags> {
    if (mockFlags === undefined) {
        await pulumi.runtime.setMocks({ newResource: () => ({ id: undefined, state: {} }), call: () => ({}) });
        const store = state.getStore();
        mockFlags = Object.fromEntries(Object.entries(store).filter((entry): entry is [string, boolean] => entry[0].startsWith("supports") && typeof entry[1] === "boolean"));
    }
    return mockFlags;
}

/** Sets the store's feature flags (after `setMockOptions` reset them). */
export function applyFeatureFlags(flags: FeatureFlags): void {
    Object.assign(state.getStore(), flags);
}

/** Waits until every outstanding RPC (registrations, invokes, output registrations) has finished. */
export function waitForRPCs(): Promise<void> {
    return settings.waitForRPCs();
}

/** The value inside an Output (undefined when unknown, as in a preview), without running an apply. */
export function outputValue(output: Output<unknown>): Promise<unknown> {
    return (output as unknown as { promise(): Promise<unknown> }).promise();
}
