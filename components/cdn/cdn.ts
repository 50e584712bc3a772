import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "../iam/documents";
import { child } from "../options";
import { denyInsecureTransport } from "../storage/bucket";

/** Arguments of the assets CDN. */
export interface CdnArgs {
    /** Assets bucket name. */
    readonly bucketName: pulumi.Input<string>;
    /** Assets bucket ARN. */
    readonly bucketArn: pulumi.Input<string>;
    /** Assets bucket regional domain name (origin). */
    readonly bucketRegionalDomainName: pulumi.Input<string>;
}

/** AWS managed cache policy "CachingOptimized". */
export const CACHING_OPTIMIZED_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";
/** Edge locations used (North America and Europe: the cheapest class). */
export const PRICE_CLASS = "PriceClass_100";

/**
 * CloudFront in front of the private assets bucket through Origin Access Control: viewers are redirected
 * to HTTPS, and the bucket policy (written here, because it names the distribution) lets only this
 * distribution read objects, and nothing over plain HTTP.
 */
export class Cdn extends pulumi.ComponentResource {
    /** Distribution domain name (`xxxx.cloudfront.net`). */
    readonly domainName: pulumi.Output<string>;
    /** Distribution ARN. */
    readonly distributionArn: pulumi.Output<string>;
    /** Distribution id (CloudWatch dimension). */
    readonly distributionId: pulumi.Output<string>;

    constructor(name: string, args: CdnArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:cdn:Cdn", name, {}, opts);
        const oac = new aws.cloudfront.OriginAccessControl(
            `${name}-oac`,
            { originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4", description: "Assets bucket" },
            child(this),
        );
        const originId = "assets";
        const distribution = new aws.cloudfront.Distribution(
            `${name}-distribution`,
            {
                enabled: true,
                isIpv6Enabled: true,
                httpVersion: "http2and3",
                priceClass: PRICE_CLASS,
                defaultRootObject: "index.html",
                origins: [{ originId, domainName: args.bucketRegionalDomainName, originAccessControlId: oac.id }],
                defaultCacheBehavior: {
                    targetOriginId: originId,
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: ["GET", "HEAD", "OPTIONS"],
                    cachedMethods: ["GET", "HEAD"],
                    cachePolicyId: CACHING_OPTIMIZED_POLICY_ID,
                    compress: true,
                },
                restrictions: { geoRestriction: { restrictionType: "none" } },
                viewerCertificate: { cloudfrontDefaultCertificate: true },
            },
            child(this),
        );
        new aws.s3.BucketPolicy(
            `${name}-bucket-policy`,
            {
                bucket: args.bucketName,
                policy: policyDocument([
                    denyInsecureTransport(args.bucketArn),
                    {
                        Sid: "AllowCloudFrontRead",
                        Effect: "Allow",
                        Principal: { Service: "cloudfront.amazonaws.com" },
                        Action: "s3:GetObject",
                        Resource: pulumi.interpolate`${args.bucketArn}/*`,
                        Condition: { StringEquals: { "AWS:SourceArn": distribution.arn } },
                    },
                ]),
            },
            child(this),
        );
        this.domainName = distribution.domainName;
        this.distributionArn = distribution.arn;
        this.distributionId = distribution.id;
        this.registerOutputs({ domainName: this.domainName, distributionArn: this.distributionArn });
    }
}
