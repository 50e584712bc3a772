/** `cloudfront-https-only`: CloudFront cache behaviours use viewer protocol policy https-only or redirect-to-https. */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { cloudfrontHttpsOnly } from "../../../policies/rules/access";
import { check, res, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

describe("cloudfront-https-only", () => {
    declaresMetadata(cloudfrontHttpsOnly, { name: "cloudfront-https-only", level: "advisory", severity: "medium", frameworks: [{ name: "AWS FSBP", control: "CloudFront.3" }] });

    const distribution = (ordered: string) => res(AWS_TYPE.cloudfront, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: ordered }] });

    it("blocks allow-all viewer policies in ordered CloudFront behaviours", () => {
        assert.equal(violations(check(cloudfrontHttpsOnly, [distribution("allow-all")])).length, 1);
    });
    it("passes the same distribution when the ordered behaviour is https-only", () => {
        assert.equal(check(cloudfrontHttpsOnly, [distribution("https-only")]).length, 0);
    });
});
