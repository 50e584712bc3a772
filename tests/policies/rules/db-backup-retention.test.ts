/** `db-backup-retention`: databases and caches keep automated backups for minRetentionDays; DynamoDB has point-in-time recovery. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { dbBackupRetention } from "../../../policies/rules/resilience";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("db-backup-retention", () => {
    declaresMetadata(dbBackupRetention, {
        name: "db-backup-retention",
        level: "mandatory",
        severity: "medium",
        frameworks: [
            { name: "AWS FSBP", control: "RDS.11" },
            { name: "AWS FSBP", control: "RDS.14" },
            { name: "AWS FSBP", control: "DocumentDB.2" },
            { name: "AWS FSBP", control: "Neptune.5" },
            { name: "AWS FSBP", control: "ElastiCache.1" },
            { name: "AWS FSBP", control: "DynamoDB.2" },
        ],
    });

    it("blocks an RDS instance that keeps backups for fewer days than the default minimum (7), or none (unset: 0)", () => {
        assert.equal(violations(check(dbBackupRetention, [res(AWS_TYPE.rdsInstance, "db", { backupRetentionPeriod: 3 })])).length, 1);
        assert.match(violations(check(dbBackupRetention, [res(AWS_TYPE.rdsInstance, "db", {})]))[0].message, /0 day\(s\) \(backupRetentionPeriod not set\)/);
    });
    it("passes exactly the minimum, and uses the configurable minRetentionDays", () => {
        assert.equal(check(dbBackupRetention, [res(AWS_TYPE.rdsInstance, "db", { backupRetentionPeriod: 7 })]).length, 0);
        assert.equal(check(dbBackupRetention, [res(AWS_TYPE.rdsInstance, "db", { backupRetentionPeriod: 3 })], { minRetentionDays: 3 }).length, 0);
    });
    it("blocks a DynamoDB table without point-in-time recovery, passes it with", () => {
        assert.equal(violations(check(dbBackupRetention, [res(AWS_TYPE.dynamoTable, "t", {})])).length, 1);
        assert.equal(check(dbBackupRetention, [res(AWS_TYPE.dynamoTable, "t", { pointInTimeRecovery: { enabled: true } })]).length, 0);
    });
});
