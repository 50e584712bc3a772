/** `vpc-flow-logs`: in the enterprise profile every VPC has a flow log. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { vpcFlowLogs } from "../../../policies/rules/logging";
import { check, res, U, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("vpc-flow-logs", () => {
    declaresMetadata(vpcFlowLogs, { name: "vpc-flow-logs", level: "mandatory", severity: "medium", frameworks: [{ name: "AWS FSBP", control: "EC2.6" }, { name: "CIS AWS", version: "3.0", control: "3.7" }] });

    const vpc = res(AWS_TYPE.vpc, "main", { tags: { "runway:stage": "enterprise" } });

    it("blocks an enterprise VPC with no flow log", () => {
        assert.equal(violations(check(vpcFlowLogs, [vpc])).length, 1);
    });
    it("passes the same VPC with a flow log linked through propertyDependencies in preview", () => {
        assert.equal(check(vpcFlowLogs, [vpc, res(AWS_TYPE.flowLog, "fl", { vpcId: U }, { propertyDependencies: { vpcId: [vpc.urn] } })]).length, 0);
    });
    it("requires nothing in the zero profile", () => {
        assert.equal(check(vpcFlowLogs, [res(AWS_TYPE.vpc, "main", { tags: { "runway:stage": "zero" } })]).length, 0);
    });
});
