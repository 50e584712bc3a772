/** `storage-encrypted-at-rest`: databases, caches, search domains, file systems, streams, topics and queues are encrypted at rest. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { storageEncryptedAtRest } from "../../../policies/rules/encryption";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("storage-encrypted-at-rest", () => {
    declaresMetadata(storageEncryptedAtRest, {
        name: "storage-encrypted-at-rest",
        level: "mandatory",
        severity: "high",
        frameworks: [
            { name: "AWS FSBP", control: "RDS.3" },
            { name: "AWS FSBP", control: "RDS.27" },
            { name: "AWS FSBP", control: "DocumentDB.1" },
            { name: "AWS FSBP", control: "Neptune.1" },
            { name: "AWS FSBP", control: "Redshift.10" },
            { name: "AWS FSBP", control: "ElastiCache.4" },
            { name: "AWS FSBP", control: "Opensearch.1" },
            { name: "AWS FSBP", control: "EFS.1" },
            { name: "AWS FSBP", control: "Kinesis.1" },
            { name: "AWS FSBP", control: "SNS.1" },
            { name: "AWS FSBP", control: "SQS.1" },
        ],
    });

    it("blocks an RDS instance that leaves storageEncrypted unset (the provider's default is false)", () => {
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.rdsInstance, "db", {})])).length, 1);
    });
    it("passes the same instance with storageEncrypted \"true\" (a string is a boolean)", () => {
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.rdsInstance, "db", { storageEncrypted: "true" })]).length, 0);
    });
    it("reads AWS defaults: Redshift encrypted defaults true (string-typed), SQS SSE defaults on", () => {
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.redshiftCluster, "wh", {})]).length, 0);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.redshiftCluster, "wh", { encrypted: "false" })])).length, 1);
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.sqsQueue, "q", {})]).length, 0);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.sqsQueue, "q", { sqsManagedSseEnabled: "false" })])).length, 1);
    });
    it("remediates an SQS queue that turned SSE off", () => {
        const q = res(AWS_TYPE.sqsQueue, "q", { sqsManagedSseEnabled: false });
        assert.deepEqual(storageEncryptedAtRest.remediate?.(q.props, q), { sqsManagedSseEnabled: true });
    });
    it("follows the engine default per ElastiCache engine (valkey encrypts at rest by default, redis does not)", () => {
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.cacheReplicationGroup, "c", { engine: "valkey" })]).length, 0);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.cacheReplicationGroup, "c", { engine: "redis" })])).length, 1);
    });
});
