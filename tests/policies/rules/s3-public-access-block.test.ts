/** `s3-public-access-block`: a bucket (or account) public-access block turns on all four settings. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { s3PublicAccessBlock } from "../../../policies/rules/s3";
import { check, res, U, unknowns, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("s3-public-access-block", () => {
    declaresMetadata(s3PublicAccessBlock, {
        name: "s3-public-access-block",
        level: "mandatory",
        severity: "high",
        frameworks: [{ name: "AWS FSBP", control: "S3.8" }, { name: "CIS AWS", version: "1.4", control: "2.1.5" }],
    });

    it("blocks a public-access block with a flag off, and remediates it", () => {
        const pab = res(AWS_TYPE.s3PublicAccessBlock, "pab", { bucket: "b", blockPublicAcls: true, blockPublicPolicy: false });
        assert.equal(violations(check(s3PublicAccessBlock, [pab])).length, 1);
        assert.deepEqual(s3PublicAccessBlock.remediate?.(pab.props, pab), { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    });
    it("passes a block with all four flags on (a string \"true\" is a boolean), and has nothing to remediate", () => {
        const pab = res(AWS_TYPE.s3PublicAccessBlock, "logs-pab", { bucket: "logs-bucket", blockPublicAcls: true, blockPublicPolicy: "true", ignorePublicAcls: true, restrictPublicBuckets: true });
        assert.equal(check(s3PublicAccessBlock, [pab]).length, 0);
        assert.equal(s3PublicAccessBlock.remediate?.(pab.props, pab), undefined);
    });
    it("says not evaluated when a flag is unknown in preview", () => {
        const pab = res(AWS_TYPE.s3AccountPublicAccessBlock, "account", { blockPublicAcls: U, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        assert.equal(unknowns(check(s3PublicAccessBlock, [pab])).length, 1);
    });
});
