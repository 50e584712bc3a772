/** `ec2-imdsv2-required`: instances, launch templates and launch configurations require IMDSv2. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { ec2Imdsv2Required } from "../../../policies/rules/access";
import { check, res, U, unknowns, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("ec2-imdsv2-required", () => {
    declaresMetadata(ec2Imdsv2Required, {
        name: "ec2-imdsv2-required",
        level: "mandatory",
        severity: "high",
        frameworks: [{ name: "AWS FSBP", control: "EC2.8" }, { name: "AWS FSBP", control: "EC2.170" }, { name: "AWS FSBP", control: "AutoScaling.3" }, { name: "CIS AWS", version: "3.0", control: "5.6" }],
    });

    const instance = res(AWS_TYPE.instance, "web", {});

    it("blocks an instance that leaves httpTokens unset (AWS default optional)", () => {
        assert.equal(violations(check(ec2Imdsv2Required, [instance])).length, 1);
    });
    it("passes httpTokens \"required\", and an instance with no metadata endpoint at all", () => {
        assert.equal(check(ec2Imdsv2Required, [res(AWS_TYPE.launchTemplate, "lt", { metadataOptions: { httpTokens: "required" } })]).length, 0);
        assert.equal(check(ec2Imdsv2Required, [res(AWS_TYPE.instance, "off", { metadataOptions: { httpEndpoint: "disabled" } })]).length, 0);
    });
    it("remediates by setting httpTokens \"required\", keeping the other metadata options", () => {
        assert.deepEqual(ec2Imdsv2Required.remediate?.({ metadataOptions: { httpPutResponseHopLimit: 2 } }, instance), { metadataOptions: { httpPutResponseHopLimit: 2, httpTokens: "required" } });
    });
    it("says not evaluated when metadataOptions is unknown in preview", () => {
        assert.equal(unknowns(check(ec2Imdsv2Required, [res(AWS_TYPE.instance, "u", { metadataOptions: U })])).length, 1);
    });
});
