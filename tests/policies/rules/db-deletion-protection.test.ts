/** `db-deletion-protection`: databases and tables have deletion protection (mandatory in enterprise). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { dbDeletionProtection } from "../../../policies/rules/resilience";
import { check, res, U, unknowns, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("db-deletion-protection", () => {
    declaresMetadata(dbDeletionProtection, {
        name: "db-deletion-protection",
        level: "mandatory",
        severity: "medium",
        frameworks: [
            { name: "AWS FSBP", control: "RDS.8" },
            { name: "AWS FSBP", control: "RDS.7" },
            { name: "AWS FSBP", control: "DocumentDB.5" },
            { name: "AWS FSBP", control: "Neptune.4" },
            { name: "AWS FSBP", control: "DynamoDB.6" },
        ],
    });

    it("is mandatory only in the enterprise profile", () => assert.deepEqual(dbDeletionProtection.mandatoryIn, ["enterprise"]));
    it("blocks an RDS instance that leaves deletionProtection unset (default false), and a table that turns it off", () => {
        assert.match(violations(check(dbDeletionProtection, [res(AWS_TYPE.rdsInstance, "db", {})]))[0].message, /deletionProtection is not set; default false/);
        assert.equal(violations(check(dbDeletionProtection, [res(AWS_TYPE.dynamoTable, "t", { deletionProtectionEnabled: false })])).length, 1);
    });
    it("passes the same instance with deletionProtection, and the table with deletionProtectionEnabled \"true\"", () => {
        assert.equal(check(dbDeletionProtection, [res(AWS_TYPE.rdsInstance, "db", { deletionProtection: true })]).length, 0);
        assert.equal(check(dbDeletionProtection, [res(AWS_TYPE.dynamoTable, "t", { deletionProtectionEnabled: "true" })]).length, 0);
    });
    it("says not evaluated when deletionProtection is unknown in preview", () => {
        assert.equal(unknowns(check(dbDeletionProtection, [res(AWS_TYPE.rdsCluster, "aurora", { deletionProtection: U })])).length, 1);
    });
});
