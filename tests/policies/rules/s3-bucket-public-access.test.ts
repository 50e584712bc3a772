/** `s3-bucket-public-access`: no public bucket ACL, and a public-access block for every bucket (or the account). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { s3BucketPublicAccess } from "../../../policies/rules/s3";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("s3-bucket-public-access", () => {
    declaresMetadata(s3BucketPublicAccess, {
        name: "s3-bucket-public-access",
        level: "mandatory",
        severity: "high",
        frameworks: [
            { name: "AWS FSBP", control: "S3.8" },
            { name: "AWS FSBP", control: "S3.2" },
            { name: "AWS FSBP", control: "S3.3" },
            { name: "AWS FSBP", control: "S3.1" },
            { name: "CIS AWS", version: "1.4", control: "2.1.5" },
        ],
    });

    const bucket = res("aws:s3/bucket:Bucket", "logs", { bucket: "logs-bucket" });
    const flags = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

    it("blocks a public canned ACL and a missing public-access block", () => {
        const acl = res("aws:s3/bucketAcl:BucketAcl", "logs-acl", { bucket: "logs-bucket", acl: "public-read" });
        const f = violations(check(s3BucketPublicAccess, [bucket, acl]));
        assert.equal(f.length, 2);
    });
    it("blocks a grant to AllUsers in a bucket ACL resource", () => {
        const acl = res("aws:s3/bucketAcl:BucketAcl", "logs-acl", { bucket: "logs-bucket", accessControlPolicy: { grants: [{ grantee: { uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }] } });
        const pab = res(AWS_TYPE.s3PublicAccessBlock, "logs-pab", { bucket: "logs-bucket", ...flags });
        assert.match(violations(check(s3BucketPublicAccess, [bucket, acl, pab]))[0].message, /grants access to AllUsers/);
    });
    it("passes a private bucket with a public-access block, and the account-level block", () => {
        const pab = res(AWS_TYPE.s3PublicAccessBlock, "logs-pab", { bucket: "logs-bucket", ...flags, blockPublicPolicy: "true" });
        assert.equal(check(s3BucketPublicAccess, [bucket, pab]).length, 0);
        const account = res(AWS_TYPE.s3AccountPublicAccessBlock, "account", flags);
        assert.equal(check(s3BucketPublicAccess, [bucket, account]).length, 0);
    });
    it("does not let an account-level block with a flag off stand in for the bucket's own", () => {
        const account = res(AWS_TYPE.s3AccountPublicAccessBlock, "account", { ...flags, restrictPublicBuckets: false });
        assert.equal(violations(check(s3BucketPublicAccess, [bucket, account])).length, 1);
    });
});
