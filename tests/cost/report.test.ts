import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CostInputError, DEFAULT_DATA_DIR, loadPriceTable, priceResources, PRICERS } from "../../cost";
import { readUsageFile } from "../../cost/usage";
import { USAGE_KEYS } from "../../cost/usage-keys";
import { UNKNOWN_STRING } from "../../model/wire";
import { stack } from "./fixtures";
import { lineOf, tempJson } from "./helpers";

describe("cost: report contract, usage files and regions", () => {
    it("has the JSON contract's fields", () => {
        const report = priceResources(stack({ type: "aws:kms/key:Key", name: "k" }));
        assert.deepEqual(Object.keys(report).slice(0, 6), ["monthlyUsd", "currency", "region", "priceDate", "lines", "unpriced"]);
        assert.equal(report.currency, "USD");
        assert.equal(report.region, "us-east-1");
        assert.match(report.priceDate, /^\d{4}-\d{2}-\d{2}$/);
        for (const line of report.lines) {
            assert.equal(typeof line.urn, "string");
            assert.equal(typeof line.type, "string");
            assert.equal(typeof line.monthlyUsd, "number");
            assert.equal(typeof line.basis, "string");
        }
    });

    it("under --usage none prices the floor and marks every usage-based line", () => {
        const report = priceResources(
            stack(
                { type: "aws:sqs/queue:Queue", name: "jobs" },
                { type: "aws:ec2/natGateway:NatGateway", name: "nat" },
                { type: "aws:kms/key:Key", name: "key" },
            ),
            { usage: "none" },
        );
        const queue = lineOf(report, "jobs");
        assert.equal(queue.monthlyUsd, 0);
        assert.equal(queue.needsUsage, true);
        assert.equal(queue.usageBased, true);
        assert.match(queue.basis, /usage: none/);
        assert.equal(lineOf(report, "nat").monthlyUsd, 32.85);
        assert.equal(lineOf(report, "nat").needsUsage, true);
        assert.equal(lineOf(report, "key").monthlyUsd, 1);
        assert.equal(report.usage.mode, "none");
        assert.ok(report.assumptions.some((a) => a.includes("--usage none")));
    });

    it("never prices a usage-based line at $0 without saying so", () => {
        const report = priceResources(
            stack({ type: "aws:sqs/queue:Queue", name: "q" }, { type: "aws:s3/bucket:Bucket", name: "b" }, { type: "aws:cloudfront/distribution:Distribution", name: "d" }),
            { usage: "none" },
        );
        for (const line of report.lines.filter((l) => l.usageBased === true && l.monthlyUsd === 0)) {
            assert.equal(line.needsUsage, true, `${line.name} is $0 and usage-based but not marked`);
        }
    });

    it("lists unknown AWS types and remote components in unpriced, skips components and providers", () => {
        const report = priceResources(
            stack(
                { type: "runway:stage:Hero", name: "hero" },
                { type: "pulumi:providers:aws", name: "default", props: { region: "us-east-1" } },
                { type: "aws:mq/broker:Broker", name: "mq", parent: "hero" },
                { type: "awsx:ec2:Vpc", name: "vpc" },
                { type: "random:index/randomPassword:RandomPassword", name: "pw" },
                { type: "cloudflare:index/record:Record", name: "dns" },
            ),
        );
        assert.deepEqual(report.unpriced, ["aws:mq/broker:Broker", "awsx:ec2:Vpc", "cloudflare:index/record:Record"]);
        assert.match(report.unpricedResources[1].reason, /remote component/);
        assert.equal(lineOf(report, "pw").free, true);
        assert.ok(!report.lines.some((l) => l.type === "runway:stage:Hero" || l.type.startsWith("pulumi:")));
    });

    it("merges a partial usage file over the defaults and names it in basis", () => {
        const file = tempJson({ fields: { "s3.gbStored": 1000 } });
        const report = priceResources(stack({ type: "aws:s3/bucket:Bucket", name: "data" }), { usage: file });
        const line = lineOf(report, "data");
        assert.match(line.basis, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: s3\\.gbStored 1000`));
        assert.match(line.basis, /usage-by-type\.json: s3\.putRequests1kPerMonth 10/);
        assert.equal(line.monthlyUsd, Math.round((1000 * 0.023 + 10 * 0.005 + 100 * 0.0004) * 100) / 100);
    });

    it("applies byName usage to matching resources only", () => {
        const report = priceResources(stack({ type: "aws:sqs/queue:Queue", name: "jobs" }, { type: "aws:sqs/queue:Queue", name: "jobs-dlq" }), { stage: "hero" });
        assert.equal(lineOf(report, "jobs").monthlyUsd, 0.8);
        assert.match(lineOf(report, "jobs-dlq").basis, /byName\["dlq"\]/);
    });

    it("rejects a bad usage file naming the file and the field", () => {
        const unknownKey = tempJson({ fields: { "ec2.hoursPerMonth": 10 } });
        assert.throws(() => priceResources([], { usage: unknownKey }), (err: Error) => err instanceof CostInputError && err.message.includes(unknownKey) && err.message.includes(`fields["ec2.hoursPerMonth"] is not a known usage field`));
        const negative = tempJson({ fields: { "s3.gbStored": -1 } });
        assert.throws(() => priceResources([], { usage: negative }), /fields\["s3\.gbStored"\]\.value must be a non-negative number/);
        const fraction = tempJson({ byName: { web: { "ecs.avgTaskFraction": 1.5 } } });
        assert.throws(() => priceResources([], { usage: fraction }), /byName\["web"\]\["ecs\.avgTaskFraction"\]\.value must be a fraction/);
        const broken = tempJson("{ not json");
        assert.throws(() => priceResources([], { usage: broken }), /not valid JSON/);
        assert.throws(() => priceResources([], { usage: "/nonexistent/usage.json" }), /usage file \/nonexistent\/usage\.json not found/);
        assert.throws(() => priceResources([], { stage: "galaxy" }), /no usage file for stage galaxy \(have: enterprise, hero, zero\)/);
    });

    it("prices nothing in a region without a price table, and says why for each resource (never an error)", () => {
        const missing = /no price table for region il-central-1 \(have: .*us-east-1/;
        const fromProvider = priceResources(stack({ type: "pulumi:providers:aws", name: "default", props: { region: "il-central-1" } }, { type: "aws:ec2/natGateway:NatGateway", name: "nat" }));
        assert.equal(fromProvider.region, "il-central-1");
        assert.equal(fromProvider.priceDate, "");
        assert.match(fromProvider.unpricedResources[0].reason, missing);
        assert.match(fromProvider.assumptions[0], /No price table for il-central-1/);
        assert.equal(priceResources([], { region: "il-central-1" }).monthlyUsd, 0);
        const key = priceResources(stack({ type: "aws:ec2/natGateway:NatGateway", name: "nat", providerProps: { region: "il-central-1" } }));
        assert.match(key.unpricedResources[0].reason, missing);
    });

    it("lists a resource in another region as unpriced unless its price is the same everywhere", () => {
        const report = priceResources(
            stack(
                { type: "pulumi:providers:aws", name: "default", props: { region: "us-east-1" } },
                { type: "aws:ec2/natGateway:NatGateway", name: "replica-nat", providerProps: { region: "ap-east-1" } },
                { type: "aws:kms/key:Key", name: "replica-key", providerProps: { region: "ap-east-1" } },
                { type: "aws:backup/vault:Vault", name: "replica-vault", providerProps: { region: "ap-east-1" } },
            ),
        );
        assert.deepEqual(report.unpriced, ["aws:ec2/natGateway:NatGateway"]);
        assert.match(report.unpricedResources[0].reason, /region ap-east-1/);
        assert.match(lineOf(report, "replica-key").basis, /in ap-east-1: \$1\/key-month .* every commercial region/);
        assert.equal(lineOf(report, "replica-vault").free, true);
    });

    it("does not read preview unknowns as data", () => {
        const report = priceResources(stack({ type: "aws:ec2/instance:Instance", name: "app", props: { instanceType: UNKNOWN_STRING } }));
        assert.match(report.unpricedResources[0].reason, /instance type not known/);
    });

    it("ships a valid price table with a source URL for every price, and usage files with a description per field", () => {
        const table = loadPriceTable("us-east-1");
        assert.equal(table.hoursPerMonth, 730);
        for (const items of Object.values(table.prices)) {
            for (const price of Object.values(items)) assert.match(price.source, /^https:\/\//);
        }
        const byType = readUsageFile(path.join(DEFAULT_DATA_DIR, "usage-by-type.json"), "usage-by-type.json", true);
        assert.deepEqual(Object.keys(byType.fields).sort(), [...USAGE_KEYS].sort());
        for (const stage of ["zero", "hero", "enterprise"]) {
            assert.ok(fs.existsSync(path.join(DEFAULT_DATA_DIR, `usage-${stage}.json`)));
            readUsageFile(path.join(DEFAULT_DATA_DIR, `usage-${stage}.json`), `usage-${stage}.json`, true);
        }
    });

    it("has the spot prices the brief names", () => {
        const t = loadPriceTable("us-east-1").prices;
        const expected: [string, string, number][] = [
            ["ec2Instance", "t4g.micro", 0.0084],
            ["ec2Instance", "t4g.small", 0.0168],
            ["network", "natGateway.hour", 0.045],
            ["network", "natGateway.gbProcessed", 0.045],
            ["loadBalancer", "alb.hour", 0.0225],
            ["loadBalancer", "alb.lcuHour", 0.008],
            ["fargate", "x86.vcpuHour", 0.04048],
            ["fargate", "x86.gbHour", 0.004445],
            ["fargate", "arm.vcpuHour", 0.03238],
            ["fargate", "arm.gbHour", 0.00356],
            ["rdsPostgresSingleAz", "db.t4g.micro", 0.016],
            ["aurora", "serverlessV2.acuHour", 0.12],
            ["aurora", "storage.gbMonth", 0.1],
            ["elasticacheRedis", "cache.t4g.micro", 0.016],
            ["kms", "key.month", 1],
            ["secretsManager", "secret.month", 0.4],
            ["waf", "webAcl.month", 5],
            ["waf", "rule.month", 1],
            ["s3", "STANDARD.gbMonth", 0.023],
            ["s3", "STANDARD_IA.gbMonth", 0.0125],
            ["s3", "DEEP_ARCHIVE.gbMonth", 0.00099],
            ["cloudwatch", "alarm.standardMonth", 0.1],
            ["cloudwatch", "dashboard.month", 3],
            ["cloudwatch", "logs.ingestGb", 0.5],
            ["cloudwatch", "logs.storageGbMonth", 0.03],
            ["network", "interfaceEndpoint.hourPerAz", 0.01],
            ["network", "interfaceEndpoint.gbProcessed", 0.01],
            ["network", "publicIpv4.hour", 0.005],
        ];
        for (const [family, item, usd] of expected) assert.equal(t[family][item].usd, usd, `${family}.${item}`);
    });

    it("registers every pricer under an aws: type token", () => {
        for (const type of PRICERS.keys()) assert.match(type, /^aws:[a-z0-9]+\/[A-Za-z0-9]+:[A-Za-z0-9]+$/);
    });
});
