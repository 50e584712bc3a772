/** `iam-no-admin-star`: no IAM policy allows action "*" on resource "*". */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { iamNoAdminStar } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("iam-no-admin-star", () => {
    declaresMetadata(iamNoAdminStar, {
        name: "iam-no-admin-star",
        level: "mandatory",
        severity: "critical",
        frameworks: [{ name: "AWS FSBP", control: "IAM.1" }, { name: "AWS FSBP", control: "IAM.21" }, { name: "CIS AWS", version: "3.0", control: "1.16" }],
    });

    it("is never waivable", () => assert.equal(iamNoAdminStar.neverWaivable, true));
    it("blocks \"*\" on \"*\" in JSON strings and objects", () => {
        const admin = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
        assert.equal(violations(check(iamNoAdminStar, [res(AWS_TYPE.iamPolicy, "p", { policy: admin })])).length, 1);
        assert.equal(violations(check(iamNoAdminStar, [res(AWS_TYPE.iamRole, "r", { inlinePolicies: [{ name: "x", policy: { Statement: { Effect: "Allow", Action: ["*"], Resource: ["*"] } } }] })])).length, 1);
    });
    it("passes a service wildcard on every resource, and a Deny of \"*\" on \"*\"", () => {
        assert.equal(check(iamNoAdminStar, [res(AWS_TYPE.iamRolePolicy, "p", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Effect: "Deny", Action: "*", Resource: "*" }] }) })]).length, 0);
    });
});
