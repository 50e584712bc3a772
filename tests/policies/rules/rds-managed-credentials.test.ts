/** `rds-managed-credentials`: RDS instances and clusters use an AWS-managed master password or IAM database authentication. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { rdsManagedCredentials } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("rds-managed-credentials", () => {
    declaresMetadata(rdsManagedCredentials, { name: "rds-managed-credentials", level: "advisory", severity: "medium", frameworks: [{ name: "AWS FSBP", control: "RDS.10" }, { name: "AWS FSBP", control: "RDS.12" }] });

    it("blocks an instance whose master password the program manages", () => {
        assert.equal(violations(check(rdsManagedCredentials, [res(AWS_TYPE.rdsInstance, "db", { password: "x" })])).length, 1);
    });
    it("passes IAM database authentication (a string \"true\" is a boolean), and an AWS-managed password", () => {
        assert.equal(check(rdsManagedCredentials, [res(AWS_TYPE.rdsInstance, "db", { iamDatabaseAuthenticationEnabled: "true" })]).length, 0);
        assert.equal(check(rdsManagedCredentials, [res(AWS_TYPE.rdsCluster, "aurora", { manageMasterUserPassword: true })]).length, 0);
    });
    it("skips read replicas: they inherit the source's credentials", () => {
        assert.equal(check(rdsManagedCredentials, [res(AWS_TYPE.rdsInstance, "replica", { replicateSourceDb: "db" })]).length, 0);
    });
});
