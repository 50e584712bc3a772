/** `db-high-availability`: databases, caches and search domains are multi-AZ with automatic failover (not required in zero). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../../model/aws-types";
import { dbHighAvailability } from "../../../policies/rules/resilience";
import { check, res, U, unknowns, violations } from "../helpers";
import { declaresMetadata } from "./rule-metadata";

const enterprise = { tags: { "runway:stage": "enterprise" } };
const zero = { tags: { "runway:stage": "zero" } };

describe("db-high-availability", () => {
    declaresMetadata(dbHighAvailability, {
        name: "db-high-availability",
        level: "mandatory",
        severity: "high",
        frameworks: [{ name: "AWS FSBP", control: "RDS.5" }, { name: "AWS FSBP", control: "RDS.15" }, { name: "AWS FSBP", control: "ElastiCache.3" }, { name: "AWS FSBP", control: "Opensearch.6" }],
    });

    it("is mandatory only in the enterprise profile", () => assert.deepEqual(dbHighAvailability.mandatoryIn, ["enterprise"]));
    it("blocks a single-AZ RDS instance in enterprise", () => {
        assert.equal(violations(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", enterprise)])).length, 1);
    });
    it("passes the same instance with multiAz \"true\", and a single instance in zero", () => {
        assert.equal(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", { ...enterprise, multiAz: "true" })]).length, 0);
        assert.equal(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", zero)]).length, 0);
    });
    it("counts Aurora instances linked through propertyDependencies", () => {
        const cluster = res(AWS_TYPE.rdsCluster, "aurora", { ...enterprise, engine: "aurora-postgresql" });
        const inst = (n: string) => res(AWS_TYPE.rdsClusterInstance, n, { clusterIdentifier: U }, { propertyDependencies: { clusterIdentifier: [cluster.urn] } });
        assert.equal(violations(check(dbHighAvailability, [cluster, inst("a")])).length, 1);
        assert.equal(check(dbHighAvailability, [cluster, inst("a"), inst("b")]).length, 0);
    });
    it("counts each cluster's own instances; an instance of unknown cluster leaves the others open", () => {
        const cluster = (n: string) => res(AWS_TYPE.rdsCluster, n, { ...enterprise, engine: "aurora-postgresql", clusterIdentifier: n });
        const [a, b] = [cluster("a"), cluster("b")];
        const inst = (n: string, clusterIdentifier: unknown, deps: string[] = []) => res(AWS_TYPE.rdsClusterInstance, n, { clusterIdentifier }, { propertyDependencies: { clusterIdentifier: deps } });
        const found = check(dbHighAvailability, [a, b, inst("a1", "a"), inst("a2", "a"), inst("b1", "b")]);
        assert.deepEqual(violations(found).map((f) => f.resource?.name), ["b"]);
        const open = check(dbHighAvailability, [a, b, inst("a1", "a"), inst("a2", "a"), inst("b1", "b"), inst("x", U)]);
        assert.deepEqual(violations(open).map((f) => f.resource?.name), []);
        assert.deepEqual(unknowns(open).map((f) => f.resource?.name), ["b"], "a has its two; b's count is open");
        // Partly known: names b, and its unknown part may name another cluster (a), not b a second time.
        const partly = check(dbHighAvailability, [a, b, inst("a1", "a"), inst("x", ["b", U])]);
        assert.deepEqual(violations(partly).map((f) => f.resource?.name), ["b"]);
        assert.deepEqual(unknowns(partly).map((f) => f.resource?.name), ["a"]);
    });
});
