/**
 * The synthetic-stack generator (`fixtures/synthetic-stack/`) keeps its books: the planted violations it reports are
 * exactly the ones it built, on resources that exist, in stacks of exactly the size asked for. (The lab that times
 * packs on these stacks never runs in `npm test`.)
 */
import { strict as assert } from "assert";
import { UNKNOWN_STRING } from "../../model/wire";
import { countByKind, generateStack, PLANTED_KINDS, TYPES, WIDE_TYPES } from "../../fixtures/synthetic-stack";

describe("fixtures: synthetic stack generator", () => {
    it("builds exactly the number of resources asked for, with unique URNs", () => {
        for (const resources of [100, 1_000, 1_234]) {
            const { run } = generateStack({ resources, mode: "update" });
            assert.equal(run.resources.length, resources);
            assert.equal(new Set(run.resources.map((r) => r.urn)).size, resources);
        }
    });

    it("plants one violation in every third unit, every kind at 10k, each on a resource that exists", () => {
        const { run, planted, units } = generateStack({ resources: 10_000, mode: "preview" });
        assert.equal(planted.length, Math.floor((units - 2) / 3) + 1);
        const counts = countByKind(planted);
        for (const kind of PLANTED_KINDS) {
            assert.ok(counts[kind] >= 9, `${kind} planted at 10k`);
        }
        const urns = new Set(run.resources.map((r) => r.urn));
        for (const p of planted) {
            for (const urn of [p.urn, ...p.alsoAcceptable]) {
                assert.ok(urns.has(urn), `${p.kind}: ${urn} exists`);
            }
        }
    });

    it("plants what it says: a public RDS instance, a bucket with no SSE resource, a service with no scaling target", () => {
        const { run, planted } = generateStack({ resources: 1_000, mode: "update" });
        const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
        const one = (kind: string) => planted.find((p) => p.kind === kind);
        assert.equal(byUrn.get(one("rds-public")?.urn ?? "")?.inputs.publiclyAccessible, true);
        assert.equal(byUrn.get(one("rds-unencrypted")?.urn ?? "")?.inputs.storageEncrypted, false);
        const bucket = byUrn.get(one("bucket-no-sse")?.urn ?? "");
        assert.ok(bucket);
        assert.ok(!run.resources.some((r) => r.type === TYPES.sse && r.inputs.bucket === bucket.id));
        const service = one("ecs-no-autoscaling")?.urn ?? "";
        const serviceName = String(byUrn.get(service)?.outputs.name);
        assert.ok(!run.resources.some((r) => r.type === TYPES.scalingTarget && String(r.inputs.resourceId).endsWith(`/${serviceName}`)));
    });

    it("same plants in preview and update; preview links only through propertyDependencies", () => {
        const preview = generateStack({ resources: 1_000, mode: "preview" });
        const update = generateStack({ resources: 1_000, mode: "update" });
        assert.deepEqual(
            preview.planted.map((p) => [p.kind, p.urn]),
            update.planted.map((p) => [p.kind, p.urn]),
        );
        const subnet = preview.run.resources.find((r) => r.type === TYPES.subnet);
        assert.equal(subnet?.inputs.vpcId, UNKNOWN_STRING);
        assert.equal(subnet?.id, undefined);
        assert.match(String(subnet?.propertyDependencies.vpcId?.[0]), /aws:ec2\/vpc:Vpc::/);
        const known = update.run.resources.find((r) => r.type === TYPES.subnet);
        assert.match(String(known?.inputs.vpcId), /^vpc-[0-9a-f]{17}$/);
        assert.match(String(known?.id), /^subnet-[0-9a-f]{17}$/);
    });

    it("wide stacks: exact size, every wide type in every unit, each reference to a resource of the same stack", () => {
        for (const mode of ["preview", "update"] as const) {
            const { run, units } = generateStack({ resources: 1_000, mode, wide: true });
            assert.equal(run.resources.length, 1_000);
            assert.equal(new Set(run.resources.map((r) => r.urn)).size, 1_000);
            const urns = new Set(run.resources.map((r) => r.urn));
            for (const type of Object.values(WIDE_TYPES)) {
                const count = run.resources.filter((r) => r.type === type).length;
                const expected = type === WIDE_TYPES.auroraInstance ? 2 * units : type === WIDE_TYPES.dlmPolicy ? Math.ceil(units / 2) : type === WIDE_TYPES.backupSelection ? Math.floor(units / 2) : units;
                assert.equal(count, expected, `${mode}: ${type}`);
            }
            for (const r of run.resources) {
                for (const urn of [...r.dependencies, ...Object.values(r.propertyDependencies).flat()]) {
                    assert.ok(urns.has(urn), `${mode}: ${r.name} depends on ${urn}, which exists`);
                }
            }
        }
    });

    it("wide stacks in update: the ids a graph rule resolves by match (default route table, Aurora cluster, backup selection)", () => {
        const { run } = generateStack({ resources: 1_000, mode: "update", wide: true });
        const named = (name: string) => run.resources.find((r) => r.name === name);
        assert.equal(named("u0-default-rt")?.inputs.defaultRouteTableId, named("u0-vpc")?.outputs.mainRouteTableId);
        assert.equal(named("u0-aurora-1")?.inputs.clusterIdentifier, named("u0-aurora")?.id);
        assert.deepEqual(named("u1-backup")?.inputs.resources, [named("u1-box")?.outputs.arn]);
        assert.deepEqual((named("u0-snapshots")?.inputs.policyDetails as { targetTags: unknown }).targetTags, { Snapshot: "u0-daily" });
        assert.equal((named("u0-box")?.inputs.tags as Record<string, string>).Snapshot, "u0-daily");
    });

    it("is deterministic for a seed", () => {
        const a = generateStack({ resources: 500, mode: "update", seed: 7 });
        const b = generateStack({ resources: 500, mode: "update", seed: 7 });
        assert.deepEqual(a.run.resources, b.run.resources);
    });
});
