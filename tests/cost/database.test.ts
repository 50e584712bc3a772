import { strict as assert } from "assert";
import { priceResources } from "../../cost";
import { stack, type FixtureResource } from "./fixtures";
import { c, lineOf, tempJson } from "./helpers";

function aurora(min: number, max: number): FixtureResource[] {
    return [
        { type: "aws:rds/cluster:Cluster", name: "db", props: { engine: "aurora-postgresql", serverlessv2ScalingConfiguration: { minCapacity: min, maxCapacity: max }, manageMasterUserPassword: true } },
        { type: "aws:rds/clusterInstance:ClusterInstance", name: "db-writer", props: { instanceClass: "db.serverless" }, deps: { clusterIdentifier: ["db"] } },
    ];
}

describe("cost: databases and caches", () => {
    it("prices Aurora Serverless v2 at average ACUs within the cluster's range", () => {
        const report = priceResources(stack(...aurora(0.5, 4)), { usage: tempJson({ fields: { "aurora.avgAcu": 2 } }) });
        const line = lineOf(report, "db-writer");
        assert.equal(line.monthlyUsd, c(2 * 0.12 * 730)); // 175.20
        assert.deepEqual(line.range, { minUsd: c(0.5 * 0.12 * 730), maxUsd: c(4 * 0.12 * 730) });
        const saving = report.savings.find((s) => s.urn === line.urn);
        assert.ok(saving);
        assert.equal(saving.withoutUsd, c(0.26 * 730)); // provisioned db.r6g.large
        // cluster: 20 GB × $0.10 + 20 M I/O × $0.20 + managed secret $0.40
        assert.equal(lineOf(report, "db").monthlyUsd, c(20 * 0.1 + 20 * 0.2 + 0.4));
    });

    it("clamps the average ACUs to the cluster's maximum", () => {
        const report = priceResources(stack(...aurora(0.5, 4)), { usage: tempJson({ fields: { "aurora.avgAcu": 8 } }) });
        assert.equal(lineOf(report, "db-writer").monthlyUsd, c(4 * 0.12 * 730));
        assert.match(lineOf(report, "db-writer").basis, /clamped/);
    });

    it("doubles an RDS instance and its storage for Multi-AZ", () => {
        const single = priceResources(stack({ type: "aws:rds/instance:Instance", name: "pg", props: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, storageType: "gp3" } }));
        const multi = priceResources(stack({ type: "aws:rds/instance:Instance", name: "pg", props: { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20, storageType: "gp3", multiAz: true } }));
        assert.equal(lineOf(single, "pg").monthlyUsd, c(730 * 0.016 + 20 * 0.115)); // 13.98
        assert.equal(lineOf(multi, "pg").monthlyUsd, c(2 * (730 * 0.016 + 20 * 0.115))); // 27.96
    });

    it("prices a Redis replication group as node count × node price", () => {
        const report = priceResources(stack({ type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "redis", props: { engine: "redis", nodeType: "cache.t4g.micro", numCacheClusters: 2 } }));
        assert.equal(lineOf(report, "redis").monthlyUsd, c(2 * 730 * 0.016)); // 23.36
    });

    it("prices a provisioned Aurora instance by class", () => {
        const report = priceResources(
            stack(
                { type: "aws:rds/cluster:Cluster", name: "db", props: { engine: "aurora-postgresql" } },
                { type: "aws:rds/clusterInstance:ClusterInstance", name: "db-1", props: { instanceClass: "db.r6g.large" }, deps: { clusterIdentifier: ["db"] } },
            ),
        );
        assert.equal(lineOf(report, "db-1").monthlyUsd, c(730 * 0.26));
    });
});
