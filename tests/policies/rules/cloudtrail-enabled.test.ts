/** `cloudtrail-enabled`: in the enterprise profile the stack manages a CloudTrail trail (unless requireTrail is off). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { cloudtrailEnabled } from "../../../policies/rules/logging";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("cloudtrail-enabled", () => {
    declaresMetadata(cloudtrailEnabled, { name: "cloudtrail-enabled", level: "mandatory", severity: "medium", frameworks: [{ name: "AWS FSBP", control: "CloudTrail.1" }, { name: "CIS AWS", version: "3.0", control: "3.1" }] });

    const stack = res("pulumi:pulumi:Stack", "runway-test");
    const bucket = res("aws:s3/bucket:Bucket", "logs");

    it("blocks an enterprise stack with no trail, on the stack resource", () => {
        const [f] = violations(check(cloudtrailEnabled, [stack, bucket], { stage: "enterprise" }));
        assert.equal(f.resource?.name, "runway-test");
        assert.match(f.message, /no CloudTrail trail/);
    });
    it("passes the same stack with a trail", () => {
        assert.equal(check(cloudtrailEnabled, [stack, bucket, res(AWS_TYPE.cloudtrail, "trail", { isMultiRegionTrail: true })], { stage: "enterprise" }).length, 0);
    });
    it("passes without a trail when requireTrail is off (an organization trail covers the account), or in the hero profile", () => {
        assert.equal(check(cloudtrailEnabled, [stack, bucket], { stage: "enterprise", requireTrail: false }).length, 0);
        assert.equal(check(cloudtrailEnabled, [stack, bucket], { stage: "hero" }).length, 0);
    });
});
