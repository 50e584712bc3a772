/** `s3-bucket-encryption`: every S3 bucket has an explicit server-side-encryption configuration (SSE-KMS when requireKms). */
import { strict as assert } from "assert";
import { s3BucketEncryption } from "../../../policies/rules/s3";
import { check, res, U, unknowns, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("s3-bucket-encryption", () => {
    declaresMetadata(s3BucketEncryption, {
        name: "s3-bucket-encryption",
        level: "mandatory",
        severity: "medium",
        frameworks: [{ name: "AWS FSBP", control: "S3.4" }, { name: "AWS FSBP", control: "S3.17" }, { name: "CIS AWS", version: "1.4", control: "2.1.1" }],
    });

    const bucket = res("aws:s3/bucket:Bucket", "logs", { bucket: "logs-bucket" });
    const sse = (bucketRef: unknown, deps: string[] = [], sseAlgorithm = "aws:kms") => res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "logs-sse", { bucket: bucketRef, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm } }] }, { propertyDependencies: { bucket: deps } });

    it("blocks a bucket with no SSE configuration resource", () => assert.equal(violations(check(s3BucketEncryption, [bucket])).length, 1));
    it("passes a bucket whose SSE resource links by name", () => assert.equal(check(s3BucketEncryption, [bucket, sse("logs-bucket")]).length, 0));
    it("passes a bucket whose SSE resource links through propertyDependencies in preview", () => assert.equal(check(s3BucketEncryption, [bucket, sse(U, [bucket.urn])]).length, 0));
    it("passes the legacy V2 SSE type token too", () => {
        const legacy = { ...sse("logs-bucket"), type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2" };
        assert.equal(check(s3BucketEncryption, [bucket, legacy]).length, 0);
    });
    it("does not let one bucket's SSE resource cover a sibling bucket", () => {
        const sibling = res("aws:s3/bucketV2:BucketV2", "other", { bucket: "other-bucket" });
        const f = violations(check(s3BucketEncryption, [bucket, sibling, sse("logs-bucket")]));
        assert.deepEqual(f.map((x) => x.resource?.name), ["other"]);
    });
    it("reports not evaluated when an SSE resource's bucket is unknown and unlinked", () => assert.equal(unknowns(check(s3BucketEncryption, [bucket, sse(U)])).length, 1));
    it("with requireKms, blocks a bucket encrypted with SSE-S3 and passes one encrypted with SSE-KMS", () => {
        assert.equal(violations(check(s3BucketEncryption, [bucket, sse("logs-bucket", [], "AES256")], { requireKms: true })).length, 1);
        assert.equal(check(s3BucketEncryption, [bucket, sse("logs-bucket", [], "aws:kms")], { requireKms: true }).length, 0);
    });
});
