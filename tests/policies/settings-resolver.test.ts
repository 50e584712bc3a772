/**
 * `PackWideSettings.resolver`: a rule asks for its settings once per resource with the same config; the answer is reused
 * only while nothing it depends on has changed.
 */
import { strict as assert } from "assert";
import { NOW_ENV, PackWideSettings } from "../../policies/lib/settings";

describe("settings resolved once per rule while nothing changes", () => {
    const savedNow = process.env[NOW_ENV];
    let packWide = new PackWideSettings();
    afterEach(() => {
        packWide = new PackWideSettings();
        if (savedNow === undefined) delete process.env[NOW_ENV];
        else process.env[NOW_ENV] = savedNow;
    });

    it("reuses the settings for a fresh config object holding the same values, as the server hands every call", () => {
        const waivers = [{ policy: "p", resource: "r", reason: "a reason long enough", expires: "2099-01-01", owner: "me" }];
        const resolve = packWide.resolver();
        const first = resolve({ stage: "hero", waivers });
        assert.equal(resolve({ stage: "hero", waivers }), first);
        assert.equal(first.stage, "hero");
        assert.ok(Object.isFrozen(first) && Object.isFrozen(first.waivers) && Object.isFrozen(first.problems));
    });

    it("resolves again when a value, a key, the pack-wide settings or RUNWAY_POLICY_NOW change", () => {
        const resolve = packWide.resolver();
        const hero = resolve({ stage: "hero" });
        assert.equal(resolve({ stage: "enterprise" }).stage, "enterprise");
        assert.equal(resolve({ stage: "hero", strictUnknowns: true }).strictUnknowns, true);
        const plain = resolve({});
        assert.equal(plain.stage, undefined);
        assert.notEqual(plain, hero);

        packWide.record({ stage: "zero" });
        assert.equal(resolve({}).stage, "zero");
        packWide.record({ stage: "zero" });
        const zero = resolve({});
        assert.equal(resolve({}), zero, "the same pack-wide values recorded again change nothing");

        process.env[NOW_ENV] = "2030-06-01";
        assert.equal(resolve({}).now.toISOString().slice(0, 10), "2030-06-01");
        process.env[NOW_ENV] = "2031-06-01";
        assert.equal(resolve({}).now.toISOString().slice(0, 10), "2031-06-01");
    });

    it("resolves again the next day (waiver expiry is by day)", () => {
        const resolve = packWide.resolver();
        const realNow = Date.now;
        try {
            const today = resolve({});
            assert.equal(resolve({}), today);
            const tomorrow = realNow() + 86_400_000;
            Date.now = () => tomorrow;
            assert.notEqual(resolve({}), today);
        } finally {
            Date.now = realNow;
        }
    });

    it("keeps one answer per resolver: two rules with different configs do not share or evict each other's", () => {
        const a = packWide.resolver();
        const b = packWide.resolver();
        const heroA = a({ stage: "hero" });
        const zeroB = b({ stage: "zero" });
        assert.equal(a({ stage: "hero" }), heroA);
        assert.equal(b({ stage: "zero" }), zeroB);
        assert.equal(zeroB.stage, "zero");
    });
});

describe("pack-wide settings belong to one pack instance", () => {
    it("what one pack's runway-settings recorded is not seen by another pack in the same process", () => {
        const mine = new PackWideSettings();
        const theirs = new PackWideSettings();
        mine.record({ stage: "zero" });
        assert.equal(mine.resolve({}).stage, "zero");
        assert.equal(theirs.resolve({}).stage, undefined);
    });
});
