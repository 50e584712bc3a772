/**
 * The regional price data (issue 26): every commercial region's table loads and validates, figures carry their
 * source and date, derived figures say so with a bound, and a sample of figures read from the offline datasets
 * (docs/prices.md) is what those datasets say. Plus the pricing rules that came with the data.
 */
import { strict as assert } from "assert";
import { availableRegions, loadPriceTable, priceResources } from "../../cost";
import { MissingPrice, CostInputError } from "../../cost/errors";
import { PriceBook, validatePriceTable } from "../../cost/prices";
import { stack } from "./fixtures";
import { c, lineOf } from "./helpers";

const REGIONS = [
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1",
    "eu-north-1", "eu-south-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "me-central-1", "af-south-1",
];
const ISO = /^\d{4}-\d{2}-\d{2}$/;
/** Every price family and item Runway's three stages read (zero, hero, enterprise; with and without usage). */
const STAGE_KEYS: [string, string][] = [
    ["auroraPostgresInstance", "db.r6g.large"], ["aurora", "backup.gbMonth"], ["aurora", "io.perMillion"], ["aurora", "serverlessV2.acuHour"], ["aurora", "storage.gbMonth"],
    ["backup", "warm.gbMonth"], ["budgets", "freeBudgets"], ["cloudfront", "dataOut.gb"], ["cloudfront", "https.per10k"], ["cloudwatch", "alarm.standardMonth"],
    ["cloudwatch", "dashboard.month"], ["cloudwatch", "logs.ingestGb"], ["cloudwatch", "logs.storageGbMonth"], ["cloudwatch", "logs.vendedToCloudWatchGb"],
    ["ebs", "gp3.gbMonth"], ["ebs", "snapshot.gbMonth"], ["ec2Instance", "t4g.micro"], ["ecr", "storage.gbMonth"], ["elasticacheRedis", "cache.t4g.micro"],
    ["elasticacheRedis", "cache.t4g.small"], ["fargate", "arm.gbHour"], ["fargate", "arm.vcpuHour"], ["fargate", "ephemeral.gbHour"], ["guardduty", "cloudTrailEvents.perMillion"],
    ["guardduty", "flowDnsLogs.gb"], ["kms", "key.month"], ["kms", "requests.per10k"], ["loadBalancer", "alb.hour"], ["loadBalancer", "alb.lcuHour"],
    ["network", "dataTransferInterRegion.gb"], ["network", "dataTransferOut.freeGb"], ["network", "dataTransferOut.gb"], ["network", "interfaceEndpoint.gbProcessed"],
    ["network", "interfaceEndpoint.hourPerAz"], ["network", "natGateway.gbProcessed"], ["network", "natGateway.hour"], ["network", "publicIpv4.hour"],
    ["rdsPostgresSingleAz", "db.t4g.micro"], ["rdsStorage", "backup.gbMonth"], ["rdsStorage", "gp3.gbMonth"], ["s3", "DEEP_ARCHIVE.gbMonth"], ["s3", "STANDARD.gbMonth"],
    ["s3", "STANDARD_IA.gbMonth"], ["s3", "get.per1k"], ["s3", "put.per1k"], ["secretsManager", "api.per10k"], ["secretsManager", "secret.month"], ["securityHub", "check"],
    ["sns", "publish.perMillion"], ["sqs", "standard.perMillion"], ["waf", "requests.perMillion"], ["waf", "rule.month"], ["waf", "webAcl.month"],
];

describe("cost: regional price data", () => {
    it("has a valid, dated table for each of the 20 commercial regions", () => {
        assert.deepEqual(REGIONS.filter((r) => !availableRegions().includes(r)), []);
        for (const region of REGIONS) {
            const table = loadPriceTable(region);
            assert.equal(table.region, region);
            assert.match(table.priceDate, ISO);
            assert.ok(table.priceDate <= "2026-12-31");
            for (const [key, src] of Object.entries(table.sources ?? {})) {
                assert.match(src.date, ISO, `${region} sources.${key}`);
                assert.ok(src.repo.length > 0);
            }
            let items = 0;
            for (const [family, prices] of Object.entries(table.prices)) {
                for (const [item, price] of Object.entries(prices)) {
                    items += 1;
                    const where = `${region} ${family}.${item}`;
                    assert.match(price.source, /^https:\/\/(docs\.)?aws\.amazon\.com\//, where);
                    assert.ok(price.unit.length > 0, where);
                    assert.ok(Number.isFinite(price.usd) && price.usd >= 0, where);
                    if (price.asOf !== undefined) assert.match(price.asOf, ISO, where);
                    if (price.dataset !== undefined) assert.ok(table.sources?.[price.dataset.split(":")[0]], `${where}: dataset ${price.dataset}`);
                    if (price.derived !== undefined) {
                        assert.ok(price.derived.boundPct >= 0 && price.derived.boundPct <= 100, where);
                        assert.ok(price.derived.method.length > 10, where);
                    }
                }
            }
            assert.ok(items >= 500, `${region}: only ${items} prices`);
        }
    });

    it("holds every price Runway's own stages read, in every region", () => {
        for (const region of REGIONS) {
            const book = new PriceBook(loadPriceTable(region));
            const missing = STAGE_KEYS.filter(([f, i]) => book.find(f, i) === undefined);
            assert.deepEqual(missing, [], region);
        }
    });

    it("keeps the us-east-1 list prices of before, none of them derived", () => {
        const t = loadPriceTable("us-east-1").prices;
        for (const [f, i, v] of [["ec2Instance", "t4g.micro", 0.0084], ["rdsPostgresMultiAz", "db.t4g.small", 0.064], ["aurora", "serverlessV2.acuHour", 0.12], ["ebs", "gp3.gbMonth", 0.08], ["loadBalancer", "alb.hour", 0.0225]] as const) {
            assert.equal(t[f][i].usd, v, `${f}.${i}`);
            assert.equal(t[f][i].derived, undefined);
        }
    });

    it("has the figures the offline datasets give, in several regions (list prices, not derived)", () => {
        const known: [string, string, string, number][] = [
            // Fargate, S3 Standard, CloudWatch Logs ingest: checked in ../shared/prices-sources.md
            ["eu-central-1", "fargate", "x86.vcpuHour", 0.04656], ["ap-southeast-1", "fargate", "x86.vcpuHour", 0.05056], ["sa-east-1", "fargate", "x86.vcpuHour", 0.0696],
            ["eu-central-1", "s3", "STANDARD.gbMonth", 0.0245], ["ap-southeast-1", "s3", "STANDARD.gbMonth", 0.025], ["sa-east-1", "s3", "STANDARD.gbMonth", 0.0405],
            ["eu-central-1", "cloudwatch", "logs.ingestGb", 0.63], ["ap-southeast-1", "cloudwatch", "logs.ingestGb", 0.7], ["sa-east-1", "cloudwatch", "logs.ingestGb", 0.9],
            // EC2 (aws-price ec2-transformed.json), NAT (natgateway-transformed.json)
            ["eu-central-1", "ec2Instance", "t4g.micro", 0.0096], ["eu-west-1", "ec2Instance", "m6i.large", 0.107], ["ap-south-1", "ec2Instance", "t4g.micro", 0.0056],
            ["sa-east-1", "ec2Instance", "m6i.large", 0.153], ["eu-central-1", "network", "natGateway.hour", 0.052], ["me-central-1", "network", "natGateway.hour", 0.0528],
            // RDS (flexera aws_rds_pricing.json; af-south-1 db.m5.large also checked in the 2026-08 copy)
            ["af-south-1", "rdsPostgresSingleAz", "db.m5.large", 0.234], ["af-south-1", "rdsMysqlSingleAz", "db.m5.large", 0.225], ["af-south-1", "rdsMariadbMultiAz", "db.m5.large", 0.45],
            ["eu-central-1", "rdsPostgresSingleAz", "db.t4g.micro", 0.019], ["us-east-1", "rdsMysqlSingleAz", "db.m5.large", 0.171],
            // EKS, Lambda
            ["ap-northeast-1", "eks", "cluster.hour", 0.1], ["af-south-1", "lambda", "x86.gbSecond", 0.0000221],
        ];
        for (const [region, family, item, usd] of known) {
            const price = loadPriceTable(region).prices[family]?.[item];
            assert.ok(price, `${region} ${family}.${item} missing`);
            assert.equal(price.usd, usd, `${region} ${family}.${item}`);
            assert.equal(price.derived, undefined, `${region} ${family}.${item} must be a list price`);
            assert.ok(price.dataset, `${region} ${family}.${item} names its dataset`);
        }
    });

    it("marks figures with no per-region source as derived, with the ratio and bound", () => {
        const ebs = loadPriceTable("eu-central-1").prices.ebs["gp3.gbMonth"];
        assert.ok(ebs.derived);
        assert.equal(ebs.usd, Number((0.08 * ebs.derived.ratio).toPrecision(4)));
        assert.ok(loadPriceTable("ap-south-1").prices.elasticacheRedis["cache.t4g.micro"].derived!.boundPct >= 35);
        assert.ok(loadPriceTable("us-east-1").prices.rdsMysqlSingleAz["db.r7g.large"].derived, "MySQL r7g is not in the offline RDS file: derived");
    });

    it("validates the compact shape: bad derived bounds, unknown datasets and duplicates are errors", () => {
        const base = { region: "eu-west-1", currency: "USD", priceDate: "2025-11-04", hoursPerMonth: 730, description: "t", sources: { ds: { repo: "a/b", path: "p", commit: "c", date: "2025-01-01" } } };
        const fam = (items: unknown, extra: Record<string, unknown> = {}) => ({ ...base, families: { ec2Instance: { unit: "instance-hour", source: "https://aws.amazon.com/ec2/pricing/", ...extra, items } } });
        const ok = validatePriceTable(fam({ "t3.micro": 0.0114, "t3.small": { usd: 0.0228, note: "n" } }, { dataset: "ds", asOf: "2025-11-04" }), "f.json");
        assert.equal(ok.prices.ec2Instance["t3.small"].unit, "instance-hour");
        assert.equal(ok.prices.ec2Instance["t3.micro"].dataset, "ds");
        assert.throws(() => validatePriceTable(fam({ a: 1 }, { dataset: "nope" }), "f.json"), (e: Error) => e instanceof CostInputError && /dataset/.test(e.message));
        assert.throws(() => validatePriceTable(fam({ a: 1 }, { derived: { from: "us-east-1", ratio: 1.1, boundPct: 500, method: "m" } }), "f.json"), /boundPct/);
        assert.throws(() => validatePriceTable(fam({ a: "1" }), "f.json"), /must be a number/);
        assert.throws(() => validatePriceTable({ ...fam({ a: 1 }), prices: { ec2Instance: { a: { usd: 1, unit: "h", source: "https://aws.amazon.com/x" } } } }, "f.json"), /given twice/);
        assert.throws(() => validatePriceTable(fam({ a: 1 }, { source: "https://github.com/x" }), "f.json"), /source/);
    });

    it("throws MissingPrice naming the item, family and region", () => {
        const book = new PriceBook(loadPriceTable("ap-south-1"));
        assert.throws(() => book.usd("rdsPostgresSingleAz", "db.x9.large"), (e: Error) => e instanceof MissingPrice && e.message === "no price for db.x9.large (rds.postgres) in ap-south-1");
    });
});

describe("cost: pricing rules that came with the regional data", () => {
    const rds = (props: Record<string, unknown>) => priceResources(stack({ type: "aws:rds/instance:Instance", name: "db", props: { instanceClass: "db.m5.large", allocatedStorage: 20, storageType: "gp3", ...props } }), { usage: "none" });

    it("prices MySQL and MariaDB at their own rates", () => {
        assert.equal(lineOf(rds({ engine: "mysql" }), "db").monthlyUsd, c(730 * 0.171 + 20 * 0.115));
        assert.equal(lineOf(rds({ engine: "mariadb" }), "db").monthlyUsd, c(730 * 0.171 + 20 * 0.115));
        assert.equal(lineOf(rds({ engine: "postgres" }), "db").monthlyUsd, c(730 * 0.178 + 20 * 0.115));
    });

    it("prices RDS gp3 IOPS and throughput above the baseline (3,000/125 below 400 GB, 12,000/500 from 400 GB)", () => {
        const big = lineOf(rds({ engine: "postgres", allocatedStorage: 400, iops: 15000, storageThroughput: 600 }), "db");
        assert.equal(big.monthlyUsd, c(730 * 0.178 + 400 * 0.115 + 3000 * 0.02 + 100 * 0.08));
        assert.match(big.basis, /3000 IOPS above the 12000 baseline/);
        const atBaseline = lineOf(rds({ engine: "postgres", allocatedStorage: 400, iops: 12000, storageThroughput: 500 }), "db");
        assert.equal(atBaseline.monthlyUsd, c(730 * 0.178 + 400 * 0.115));
    });

    it("leaves an unknown RDS class unpriced with the region's reason, never at zero", () => {
        const report = priceResources(stack({ type: "aws:rds/instance:Instance", name: "db", props: { engine: "postgres", instanceClass: "db.x9.large" }, providerProps: { region: "ap-south-1" } }));
        assert.equal(report.lines.length, 0);
        assert.match(report.unpricedResources[0].reason, /no price for db\.x9\.large \(rds\.postgres\) in ap-south-1/);
    });

    it("prices a Redis replication group on cache.m4.large, and Memcached at its own family", () => {
        const report = priceResources(stack(
            { type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "redis", props: { engine: "redis", nodeType: "cache.m4.large", numCacheClusters: 2 } },
            { type: "aws:elasticache/cluster:Cluster", name: "mc", props: { engine: "memcached", nodeType: "cache.r6g.large", numCacheNodes: 1 } },
        ));
        assert.equal(lineOf(report, "redis").monthlyUsd, c(2 * 730 * 0.156));
        assert.equal(lineOf(report, "mc").monthlyUsd, c(730 * 0.206));
    });

    it("prices an EKS cluster, a managed node group, and the new services", () => {
        const report = priceResources(stack(
            { type: "aws:eks/cluster:Cluster", name: "eks", props: { version: "1.31" } },
            { type: "aws:eks/nodeGroup:NodeGroup", name: "ng", props: { scalingConfig: { desiredSize: 2, minSize: 1, maxSize: 3 }, instanceTypes: ["m6i.large"], diskSize: 20 } },
            { type: "aws:kinesis/stream:Stream", name: "ks", props: { shardCount: 2 } },
            { type: "aws:msk/cluster:Cluster", name: "kafka", props: { numberOfBrokerNodes: 3, brokerNodeGroupInfo: { instanceType: "kafka.m5.large", storageInfo: { ebsStorageInfo: { volumeSize: 100 } } } } },
            { type: "aws:opensearch/domain:Domain", name: "search", props: { clusterConfig: { instanceType: "r6g.large.search", instanceCount: 2 }, ebsOptions: { ebsEnabled: true, volumeSize: 50, volumeType: "gp3" } } },
            { type: "aws:efs/fileSystem:FileSystem", name: "fs" },
            { type: "aws:sfn/stateMachine:StateMachine", name: "flow", props: { type: "STANDARD" } },
        ), { usage: "none" });
        assert.deepEqual(report.unpricedResources, []);
        assert.equal(lineOf(report, "eks").monthlyUsd, c(730 * 0.1));
        assert.equal(lineOf(report, "ng").monthlyUsd, c(2 * (730 * 0.096 + 20 * 0.08)));
        assert.equal(lineOf(report, "ks").monthlyUsd, c(2 * 730 * 0.015));
        assert.equal(lineOf(report, "kafka").monthlyUsd, c(3 * 730 * 0.21 + 3 * 100 * 0.1));
        assert.equal(lineOf(report, "search").monthlyUsd, c(2 * 730 * 0.167 + 2 * 50 * 0.122));
        assert.equal(lineOf(report, "fs").needsUsage, true);
    });

    it("prices a resource from its own region's table", () => {
        const report = priceResources(stack(
            { type: "pulumi:providers:aws", name: "default", props: { region: "us-east-1" } },
            { type: "aws:eks/cluster:Cluster", name: "eks-fra", providerProps: { region: "eu-central-1" } },
            { type: "aws:ec2/natGateway:NatGateway", name: "nat-fra", providerProps: { region: "eu-central-1" } },
        ), { usage: "none" });
        assert.equal(lineOf(report, "nat-fra").monthlyUsd, c(730 * 0.052));
        assert.equal(lineOf(report, "eks-fra").monthlyUsd, c(730 * 0.1));
    });
});
