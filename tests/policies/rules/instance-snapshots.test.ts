/** `instance-snapshots`: in the zero stage every EC2 instance is covered by a DLM lifecycle policy or an AWS Backup selection. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import type { StackResource } from "../../../model/resource";
import { instanceSnapshots } from "../../../policies/rules/resilience";
import { check, res, U, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("instance-snapshots", () => {
    declaresMetadata(instanceSnapshots, { name: "instance-snapshots", level: "mandatory", severity: "high", frameworks: [{ name: "AWS FSBP", control: "EC2.28" }] });

    it("is mandatory only in the zero profile", () => assert.deepEqual(instanceSnapshots.mandatoryIn, ["zero"]));
    it("in zero, requires snapshots for a single instance: DLM by tags or AWS Backup", () => {
        const box = res(AWS_TYPE.instance, "box", { tags: { "runway:stage": "zero", Snapshot: "daily" } });
        assert.equal(violations(check(instanceSnapshots, [box])).length, 1);
        assert.equal(check(instanceSnapshots, [box, res(AWS_TYPE.dlmPolicy, "daily", { policyDetails: { targetTags: { Snapshot: "daily" } } })]).length, 0);
        const rootTagged = res(AWS_TYPE.instance, "box2", { tags: { "runway:stage": "zero" }, rootBlockDevice: { encrypted: true, tags: { Backup: "daily" } } });
        assert.equal(check(instanceSnapshots, [rootTagged, res(AWS_TYPE.dlmPolicy, "daily", { policyDetails: { resourceTypes: ["VOLUME"], targetTags: { Backup: "daily" } } })]).length, 0, "root volume tags count");
        assert.equal(violations(check(instanceSnapshots, [rootTagged, res(AWS_TYPE.dlmPolicy, "other", { policyDetails: { targetTags: { Backup: "weekly" } } })])).length, 1);
        assert.equal(check(instanceSnapshots, [box, res(AWS_TYPE.backupSelection, "sel", { resources: [U] }, { propertyDependencies: { resources: [box.urn] } })]).length, 0);
    });
    it("leaves instances outside the zero stage alone", () => {
        assert.equal(check(instanceSnapshots, [res(AWS_TYPE.instance, "box", { tags: { "runway:stage": "hero" } })]).length, 0);
    });
    it("snapshots: every target tag must match; disabled policies, '*' and tag selections, unknowns in preview", () => {
        const box = res(AWS_TYPE.instance, "box", { tags: { "runway:stage": "zero", Snapshot: "daily", Team: "web" } });
        const dlm = (targetTags: unknown, extra: Record<string, unknown> = {}) => res(AWS_TYPE.dlmPolicy, "dlm", { policyDetails: { targetTags }, ...extra });
        const covered = (...others: StackResource[]) => violations(check(instanceSnapshots, [box, ...others])).length === 0;
        assert.ok(covered(dlm({ Team: "web", Snapshot: "daily" })), "every target tag matches, whichever comes first");
        assert.ok(!covered(dlm({ Snapshot: "daily", Team: "api" })), "one target tag differs");
        assert.ok(!covered(dlm({ Snapshot: "daily" }, { state: "DISABLED" })), "a disabled policy");
        assert.ok(!covered(dlm({})), "a policy that targets nothing");
        assert.ok(!covered(dlm({ Snapshot: 7 })), "a tag value that is not a string matches nothing");
        assert.ok(covered(dlm(U)), "target tags unknown in preview: cannot be disproved");
        assert.ok(covered(dlm({ Snapshot: U })), "a value unknown in preview, on a tag the instance carries");
        assert.ok(!covered(dlm({ Owner: U })), "a value unknown in preview, on a tag the instance lacks");
        const selection = (props: Record<string, unknown>) => res(AWS_TYPE.backupSelection, "sel", props);
        assert.ok(covered(selection({ resources: ["*"] })), "a selection of every resource");
        assert.ok(covered(selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Team", value: "web" }] })), "a selection by a tag the instance carries");
        assert.ok(!covered(selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Team", value: "api" }] })), "a selection by another value");
        assert.ok(!covered(selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Owner" }] })), "a selection tag with no value");
    });
});
