/**
 * Config waivers are parsed once and looked up by resource: a finding costs a lookup, not a parse and scan of every
 * waiver (which made 1,000 config waivers cost 1.2 s on a 10k stack). The waivers a resource gets, and their order,
 * are the config's.
 */
import { strict as assert } from "assert";
import { configWaiverIndex, configWaiversOf } from "../../policies/lib/waivers";

const NOW = new Date("2026-11-25T00:00:00Z");
const URN = "urn:pulumi:dev::runway::aws:rds/instance:Instance::db";
const waiver = (policy: string, resource: string, owner: string) => ({ policy, resource, reason: "single-AZ until the migration", expires: "2099-01-01", owner });

describe("config waiver index", () => {
    it("gives a resource the waivers naming its URN or its logical name, in config order", () => {
        const raw = [waiver("a", "db", "1"), waiver("b", URN, "2"), waiver("c", "other", "3"), waiver("d", "db", "4"), { policy: "broken" }, waiver("e", URN, "5")];
        const index = configWaiverIndex(raw, NOW);
        assert.deepEqual(configWaiversOf(index, URN, "db").map((w) => w.owner), ["1", "2", "4", "5"]);
        assert.deepEqual(configWaiversOf(index, "urn:pulumi:dev::runway::aws:s3/bucket:Bucket::other", "other").map((w) => w.owner), ["3"]);
        assert.deepEqual(configWaiversOf(index, "urn:pulumi:dev::runway::aws:s3/bucket:Bucket::x", "x"), []);
    });

    it("parses a frozen waiver list once; a list that may still change, every time", () => {
        const frozen = Object.freeze([waiver("a", "db", "1")]);
        assert.equal(configWaiverIndex(frozen, NOW), configWaiverIndex(frozen, NOW));
        const open = [waiver("a", "db", "1")];
        const before = configWaiverIndex(open, NOW);
        open.push(waiver("b", "db", "2"));
        assert.notEqual(configWaiverIndex(open, NOW), before);
        assert.deepEqual(configWaiversOf(configWaiverIndex(open, NOW), URN, "db").map((w) => w.owner), ["1", "2"]);
    });
});
