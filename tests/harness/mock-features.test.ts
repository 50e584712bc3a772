/**
 * Canary for the one runtime-store internal the harness reads: the feature flags `setMocks` turns on are found in
 * the store and put back after `setMockOptions`. Fails loudly when @pulumi/pulumi moves them.
 */
import * as assert from "assert";
import { mockFeatureFlags } from "../../harness/pulumi-internals";

describe("harness: the mock runtime's feature flags", () => {
    it("are read from what setMocks sets: secrets, resource references and alias specs on, output values off", async () => {
        const flags = await mockFeatureFlags();
        assert.ok(Object.keys(flags).length >= 8, `feature flags found in the runtime store: ${Object.keys(flags).join(", ")}`);
        assert.strictEqual(flags.supportsSecrets, true);
        assert.strictEqual(flags.supportsResourceReferences, true);
        assert.strictEqual(flags.supportsAliasSpecs, true);
        assert.strictEqual(flags.supportsOutputValues, false);
    });
});
