/** `data-encrypted-in-transit`: caches and search domains encrypt traffic in transit. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { dataEncryptedInTransit } from "../../../policies/rules/encryption";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("data-encrypted-in-transit", () => {
    declaresMetadata(dataEncryptedInTransit, {
        name: "data-encrypted-in-transit",
        level: "mandatory",
        severity: "high",
        frameworks: [
            { name: "AWS FSBP", control: "ElastiCache.5" },
            { name: "AWS FSBP", control: "Opensearch.3" },
            { name: "AWS FSBP", control: "Opensearch.8" },
            { name: "AWS FSBP", control: "ES.3" },
            { name: "AWS FSBP", control: "ES.8" },
        ],
    });

    it("blocks an ElastiCache replication group that leaves transitEncryptionEnabled unset (default false)", () => {
        assert.equal(violations(check(dataEncryptedInTransit, [res(AWS_TYPE.cacheReplicationGroup, "c", {})])).length, 1);
    });
    it("passes the same group with transitEncryptionEnabled, and honours MemoryDB's TLS default", () => {
        assert.equal(check(dataEncryptedInTransit, [res(AWS_TYPE.cacheReplicationGroup, "c", { transitEncryptionEnabled: true })]).length, 0);
        assert.equal(check(dataEncryptedInTransit, [res(AWS_TYPE.memorydbCluster, "m", {})]).length, 0);
    });
    it("blocks a search domain without node-to-node encryption, passes it with node-to-node encryption and the HTTPS default", () => {
        assert.equal(violations(check(dataEncryptedInTransit, [res(AWS_TYPE.opensearchDomain, "search", {})])).length, 1);
        assert.equal(check(dataEncryptedInTransit, [res(AWS_TYPE.opensearchDomain, "search", { nodeToNodeEncryption: { enabled: true } })]).length, 0);
    });
});
