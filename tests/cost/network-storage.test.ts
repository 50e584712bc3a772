import { strict as assert } from "assert";
import { priceResources } from "../../cost";
import { stack } from "./fixtures";
import { c, lineOf } from "./helpers";

describe("cost: network, storage and edge", () => {
    it("prices each NAT gateway per hour plus data processed", () => {
        const report = priceResources(stack({ type: "aws:ec2/natGateway:NatGateway", name: "nat-a" }, { type: "aws:ec2/natGateway:NatGateway", name: "nat-b" }));
        assert.equal(lineOf(report, "nat-a").monthlyUsd, c(730 * 0.045 + 30 * 0.045)); // 34.20
        assert.equal(report.monthlyUsd, c(2 * 34.2));
    });

    it("prices an interface endpoint per AZ and a gateway endpoint as free", () => {
        const report = priceResources(
            stack(
                { type: "aws:ec2/subnet:Subnet", name: "s1" },
                { type: "aws:ec2/subnet:Subnet", name: "s2" },
                { type: "aws:ec2/subnet:Subnet", name: "s3" },
                { type: "aws:ec2/vpcEndpoint:VpcEndpoint", name: "ecr-api", props: { vpcEndpointType: "Interface", serviceName: "com.amazonaws.us-east-1.ecr.api" }, deps: { subnetIds: ["s1", "s2", "s3"] } },
                { type: "aws:ec2/vpcEndpoint:VpcEndpoint", name: "s3-gw", props: { vpcEndpointType: "Gateway" } },
            ),
        );
        assert.equal(lineOf(report, "ecr-api").monthlyUsd, c(3 * 730 * 0.01 + 5 * 0.01)); // 21.95
        assert.equal(lineOf(report, "s3-gw").free, true);
    });

    it("prices an internet-facing ALB with LCUs and one public IPv4 per AZ", () => {
        const report = priceResources(
            stack(
                { type: "aws:ec2/subnet:Subnet", name: "pub-a" },
                { type: "aws:ec2/subnet:Subnet", name: "pub-b" },
                { type: "aws:lb/loadBalancer:LoadBalancer", name: "alb", props: { loadBalancerType: "application", internal: false }, deps: { subnets: ["pub-a", "pub-b"] } },
            ),
        );
        // 730 h × $0.0225 + 1 LCU × 730 h × $0.008 + 2 IPv4 × 730 h × $0.005; 50 GB egress within the free 100 GB
        assert.equal(lineOf(report, "alb").monthlyUsd, c(730 * 0.0225 + 730 * 0.008 + 2 * 730 * 0.005)); // 29.57
    });

    it("prices a bucket with a lifecycle rule at the storage-class mix and lists the saving", () => {
        const report = priceResources(
            stack(
                { type: "aws:s3/bucket:Bucket", name: "media" },
                {
                    type: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
                    name: "media-lifecycle",
                    props: { rules: [{ id: "age", status: "Enabled", transitions: [{ days: 30, storageClass: "STANDARD_IA" }, { days: 90, storageClass: "DEEP_ARCHIVE" }] }] },
                    deps: { bucket: ["media"] },
                },
            ),
            { stage: "enterprise" },
        );
        // enterprise: 100 GB; objects live 365 days (by-type default): 30/365 Standard, 60/365 IA, 275/365 Deep Archive
        const perGb = (30 * 0.023 + 60 * 0.0125 + 275 * 0.00099) / 365;
        const requests = 50 * 0.005 + 500 * 0.0004;
        assert.equal(lineOf(report, "media").monthlyUsd, c(100 * perGb + requests));
        const saving = report.savings.find((s) => s.title.includes("S3 lifecycle mix"));
        assert.ok(saving);
        assert.equal(saving.withoutUsd, c(100 * 0.023));
        assert.equal(saving.withUsd, c(100 * perGb));
    });

    it("prices CloudFront, WAF and SQS from usage", () => {
        const report = priceResources(
            stack(
                { type: "aws:cloudfront/distribution:Distribution", name: "cdn", props: { priceClass: "PriceClass_100" } },
                { type: "aws:wafv2/webAcl:WebAcl", name: "waf", props: { rules: [{ name: "a" }, { name: "b" }, { name: "c" }] } },
                { type: "aws:sqs/queue:Queue", name: "jobs" },
            ),
            { stage: "hero" },
        );
        assert.equal(lineOf(report, "cdn").monthlyUsd, c(100 * 0.085 + 300 * 0.01)); // 11.50
        assert.equal(lineOf(report, "waf").monthlyUsd, c(5 + 3 * 1 + 3 * 0.6)); // 9.80
        assert.equal(lineOf(report, "jobs").monthlyUsd, c(2 * 0.4)); // 0.80
    });

    it("keeps the first two budgets free and charges the third per day", () => {
        const report = priceResources(
            stack(
                { type: "aws:budgets/budget:Budget", name: "b1" },
                { type: "aws:budgets/budget:Budget", name: "b2" },
                { type: "aws:budgets/budget:Budget", name: "b3" },
            ),
        );
        assert.equal(lineOf(report, "b1").free, true);
        assert.equal(lineOf(report, "b3").monthlyUsd, c((730 / 24) * 0.02)); // 0.61
    });

    it("prices log ingestion and retained storage", () => {
        const report = priceResources(stack({ type: "aws:cloudwatch/logGroup:LogGroup", name: "app-logs", props: { retentionInDays: 30 } }));
        assert.equal(lineOf(report, "app-logs").monthlyUsd, c(1 * 0.5 + 1 * (30 / (730 / 24)) * 0.2 * 0.03)); // 0.51
    });

    it("prices each replica of a global table in its own region: storage and every write again", () => {
        const single = priceResources(stack({ type: "aws:dynamodb/table:Table", name: "orders", props: { billingMode: "PAY_PER_REQUEST" } }));
        const global = priceResources(stack({ type: "aws:dynamodb/table:Table", name: "orders", props: { billingMode: "PAY_PER_REQUEST", replicas: [{ regionName: "eu-west-1" }, { regionName: "ap-southeast-2" }] } }));
        const line = global.lines.find((l) => l.name === "orders");
        // Each replica: 1 M replicated writes and 1 GB at its region's rates (eu-west-1 $0.705 + $0.283, ap-southeast-2 $0.71 + $0.285).
        assert.equal(line?.monthlyUsd, Math.round(((single.lines.find((l) => l.name === "orders")?.monthlyUsd ?? 0) + 0.705 + 0.283 + 0.71 + 0.285) * 100) / 100);
        assert.match(line?.basis ?? "", /replica eu-west-1 writes.*replica ap-southeast-2 storage/);
        const nowhere = priceResources(stack({ type: "aws:dynamodb/table:Table", name: "orders", props: { replicas: [{ regionName: "il-central-1" }] } }));
        assert.match(nowhere.unpricedResources[0]?.reason ?? "", /replica in il-central-1: no price table/);
    });
});
