/** `storage-customer-managed-keys`: in the enterprise profile, log groups, DynamoDB tables and secrets use customer-managed KMS keys. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { customerManagedKeys } from "../../../policies/rules/encryption";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

const enterprise = { tags: { "runway:stage": "enterprise" } };
const zero = { tags: { "runway:stage": "zero" } };

describe("storage-customer-managed-keys", () => {
    declaresMetadata(customerManagedKeys, { name: "storage-customer-managed-keys", level: "mandatory", severity: "medium", frameworks: [] });

    it("blocks an enterprise log group encrypted with the AWS-owned key", () => {
        assert.equal(violations(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", enterprise)])).length, 1);
    });
    it("passes an enterprise secret with a kmsKeyId, and a log group in the zero profile", () => {
        assert.equal(check(customerManagedKeys, [res(AWS_TYPE.secret, "s", { ...enterprise, kmsKeyId: "arn:aws:kms:k" })]).length, 0);
        assert.equal(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", zero)]).length, 0);
    });
    it("blocks an enterprise DynamoDB table on the AWS-managed key, passes it with a kmsKeyArn", () => {
        assert.equal(violations(check(customerManagedKeys, [res(AWS_TYPE.dynamoTable, "t", { ...enterprise, serverSideEncryption: { enabled: true } })])).length, 1);
        assert.equal(check(customerManagedKeys, [res(AWS_TYPE.dynamoTable, "t", { ...enterprise, serverSideEncryption: { enabled: true, kmsKeyArn: "arn:aws:kms:k" } })]).length, 0);
    });
    it("names the profile that applies: enterprise when something says so, strict for a program that names no stage", () => {
        assert.match(violations(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", enterprise)]))[0].message, /the enterprise profile requires/);
        assert.match(violations(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", {})]))[0].message, /the strict profile \(enterprise rules, for a program that names no stage\) requires/);
    });
});
