/**
 * A stage move's diffs name the keys that change (issue 25): for a nested object (the provider's `defaultTags`), an
 * array, or a JSON document in a string (container definitions, policies), only the keys whose values differ — not
 * the whole value cut off after 60 characters.
 */
import * as assert from "assert";
import type { PlanDocument } from "../../plan/document";
import { describeChange } from "../../transition/values";
import { plan } from "./helpers";

describe("plan --from: diffs show the changed keys", function () {
    this.timeout(120_000);

    it("describeChange: nested keys, array items and JSON strings by the keys that differ; scalars as before", () => {
        assert.strictEqual(describeChange({ tags: { project: "runway", stage: "zero" } }, { tags: { project: "runway", stage: "hero" } }), 'tags.stage "zero" → "hero"');
        assert.strictEqual(describeChange('[{"name":"web","image":"a:1"}]', '[{"name":"web","image":"a:2"}]'), '[0].image "a:1" → "a:2"');
        assert.strictEqual(describeChange({ a: 1 }, { a: 1, b: 2 }), "b (not set) → 2");
        assert.strictEqual(describeChange(7, 14), "7 → 14");
        assert.strictEqual(describeChange([1], [1, 2]), "[1] → [1,2]");
    });

    it("zero → hero: the provider's defaultTags diff is the stage tag, in text, markdown and JSON", async () => {
        const text = (await plan(["--stage", "hero", "--from", "zero"], {})).stdout;
        assert.match(text, /\n {2}UPDATE {3}pulumi:providers:aws {2}aws\n {11}defaultTags tags\.runway:stage "zero" → "hero", tags\.stage "zero" → "hero"\n/);
        assert.doesNotMatch(text.slice(0, text.indexOf("Runway plan — stack")), /\.\.\. →/);
        const md = (await plan(["--stage", "hero", "--from", "zero", "--format", "markdown"], {})).stdout;
        assert.match(md, /\| \*\*update\*\* \| `pulumi:providers:aws` \| `aws` \| defaultTags tags\.runway:stage "zero" → "hero", tags\.stage "zero" → "hero" \|/);
        const doc = JSON.parse((await plan(["--stage", "hero", "--from", "zero", "--format", "json"], {})).stdout) as PlanDocument;
        const provider = doc.transition?.resources.find((r) => r.type === "pulumi:providers:aws");
        assert.strictEqual(provider?.reason, 'updates in place: defaultTags tags.runway:stage "zero" → "hero", tags.stage "zero" → "hero"');
    });
});
