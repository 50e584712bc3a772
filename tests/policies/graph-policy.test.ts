/**
 * `runway-graph`: every graph rule in one stack policy (the server re-deserializes every resource per stack
 * policy), the graph built once per AnalyzeStack and never reused by another call, and per-rule levels and
 * options from `runway-graph`'s pack config.
 */
import { strict as assert } from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { evaluatePack, type PolicyDiagnostic } from "../../harness";
import { decodeDiagnostic } from "../../model/finding-format";
import { GRAPH_POLICY, stackGraph } from "../../policies/lib/policy";
import { graphRules, runwayPack } from "../../policies/pack";
import { Graph } from "../../model/graph";
import type { StackResource } from "../../model/resource";
import { programRun, resource } from "../growth/lib/runs";

const NOW = "2026-01-15";

function policyResource(urn: string, props: Record<string, unknown> = {}): PolicyResource {
    return {
        urn, type: "aws:s3/bucket:Bucket", name: urn.split("::").pop() ?? urn, props,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
    };
}

const findings = (ds: PolicyDiagnostic[], rule: string) => ds.map((d) => ({ f: decodeDiagnostic(d), d })).filter(({ f }) => f.policy === rule && f.status === "violation");

const publicDb = (flag: boolean) => resource("aws:rds/instance:Instance", "orders-db", { engine: "postgres", storageEncrypted: true, publiclyAccessible: flag });
const repo = resource("aws:ecr/repository:Repository", "images", {});

describe("runway-graph (graph rules in one stack policy)", function () {
    this.timeout(60_000);

    it("the pack has four stack policies, whatever the number of graph rules", () => {
        const stack = runwayPack.policies.filter((p) => "validateStack" in p).map((p) => p.name);
        assert.deepEqual(stack, ["runway-settings", GRAPH_POLICY, "runway-waivers", "runway-advisory"]);
        assert.ok(graphRules.length >= 10);
    });

    it("a single-type resource policy carries its Pulumi type, so the server skips other resources without deserializing them", () => {
        const cloudfront = runwayPack.policies.find((p) => p.name === "cloudfront-https-only");
        assert.ok(cloudfront && "validateResource" in cloudfront);
        assert.equal((cloudfront.validateResource as unknown as { __pulumiType?: string }).__pulumiType, "aws:cloudfront/distribution:Distribution");
    });

    it("builds a new graph for every AnalyzeStack call's resources (nothing is cached between calls)", () => {
        const a = stackGraph([policyResource("urn:a"), policyResource("urn:b")]);
        assert.notEqual(stackGraph([policyResource("urn:a"), policyResource("urn:b")]), a);
        assert.deepEqual(a.resources.map((r) => r.urn), ["urn:a", "urn:b"]);
    });

    for (const disabled of [{}, { "runway-settings": "disabled", "runway-waivers": "disabled", "runway-advisory": "disabled" }]) {
        it(`never serves a previous AnalyzeStack's graph (same URNs, different properties)${Object.keys(disabled).length ? ", companions disabled" : ""}`, async () => {
            const config = { "runway-settings": { now: NOW }, ...disabled } as never;
            const first = await evaluatePack(programRun("hero", [publicDb(true)]), runwayPack, { config });
            const second = await evaluatePack(programRun("hero", [publicDb(false)]), runwayPack, { config });
            const third = await evaluatePack(programRun("hero", [publicDb(true)]), runwayPack, { config });
            assert.equal(findings(first, "no-public-data-stores").length, 1);
            assert.equal(findings(second, "no-public-data-stores").length, 0);
            assert.equal(findings(third, "no-public-data-stores").length, 1);
        });
    }

    it("reports each finding under its rule's name, mandatory ones through runway-graph, advisory ones through runway-advisory", async () => {
        const ds = await evaluatePack(programRun("hero", [publicDb(true), repo]), runwayPack, { config: { "runway-settings": { now: NOW } } });
        const [db] = findings(ds, "no-public-data-stores");
        assert.equal(db.d.policyName, GRAPH_POLICY);
        assert.equal(db.d.enforcementLevel, "mandatory");
        const [scan] = findings(ds, "ecr-scan-on-push");
        assert.equal(scan.d.policyName, "runway-advisory");
        assert.equal(scan.d.enforcementLevel, "advisory");
    });

    it("takes each graph rule's level from runway-graph's config (string or { enforcementLevel })", async () => {
        const run = programRun("hero", [publicDb(true), repo]);
        const raised = await evaluatePack(run, runwayPack, { config: { "runway-settings": { now: NOW }, [GRAPH_POLICY]: { "ecr-scan-on-push": "mandatory", "no-public-data-stores": { enforcementLevel: "advisory" } } } as never });
        assert.equal(findings(raised, "ecr-scan-on-push")[0].d.enforcementLevel, "mandatory");
        assert.equal(findings(raised, "no-public-data-stores")[0].d.enforcementLevel, "advisory");
        const off = await evaluatePack(run, runwayPack, { config: { "runway-settings": { now: NOW }, [GRAPH_POLICY]: { "ecr-scan-on-push": { enforcementLevel: "disabled" } } } as never });
        assert.equal(findings(off, "ecr-scan-on-push").length, 0);
        assert.equal(findings(off, "no-public-data-stores").length, 1, "other rules still run");
    });

    it("lowers every graph rule at once when runway-graph itself is set to advisory, and runs none when it is disabled", async () => {
        const run = programRun("hero", [publicDb(true)]);
        const advisory = await evaluatePack(run, runwayPack, { config: { [GRAPH_POLICY]: "advisory" } as never });
        assert.equal(findings(advisory, "no-public-data-stores")[0].d.enforcementLevel, "advisory");
        const disabled = await evaluatePack(run, runwayPack, { config: { [GRAPH_POLICY]: "disabled" } as never });
        assert.equal(findings(disabled, "no-public-data-stores").length, 0);
    });

    it("passes each graph rule its own options from runway-graph's config", async () => {
        const run = programRun("enterprise", [resource("pulumi:pulumi:Stack", "runway-test", {}), resource("aws:s3/bucket:Bucket", "logs", {})]);
        const base = { "runway-settings": { now: NOW, stage: "enterprise" } };
        assert.equal(findings(await evaluatePack(run, runwayPack, { config: base as never }), "cloudtrail-enabled").length, 1);
        const off = await evaluatePack(run, runwayPack, { config: { ...base, [GRAPH_POLICY]: { "cloudtrail-enabled": { requireTrail: false } } } as never });
        assert.equal(findings(off, "cloudtrail-enabled").length, 0);
    });

    it("declares every graph rule in runway-graph's config schema, with its level and options", () => {
        const graph = runwayPack.policies.find((p) => p.name === GRAPH_POLICY);
        const props = graph?.configSchema?.properties ?? {};
        for (const rule of graphRules) {
            const entry = props[rule.name];
            assert.ok(typeof entry === "object" && entry.properties?.enforcementLevel, rule.name);
            for (const option of Object.keys(rule.options ?? {})) assert.ok(entry.properties?.[option], `${rule.name}.${option}`);
        }
    });
});

describe("the resource graph's identifier index", () => {
    const r = (type: string, name: string, props: Record<string, unknown>): StackResource => ({ urn: `urn:pulumi:dev::fx::${type}::${name}`, type, name, props, dependencies: [], propertyDependencies: {}, protect: false });
    const BUCKET = "aws:s3/bucket:Bucket";
    const QUEUE = "aws:sqs/queue:Queue";

    it("lists a resource once under an identifier it exposes twice, every resource sharing it, only of the wanted types", () => {
        const a = r(BUCKET, "a", { id: "shared", bucket: "shared" });
        const q = r(QUEUE, "q", { name: "shared" });
        const b = r(BUCKET, "b", { bucket: "shared" });
        const graph = new Graph([a, q, b]);
        assert.deepEqual(graph.lookup("shared", [BUCKET]).map((x) => x.name), ["a", "b"]);
        assert.deepEqual(graph.lookup("shared", [QUEUE, BUCKET, BUCKET]).map((x) => x.name), ["q", "a", "b"]);
        assert.deepEqual(graph.lookup("missing", [BUCKET]), []);
    });

    it("indexes 20,000 resources sharing one name, each once, and still finds each by its own id", () => {
        const many = Array.from({ length: 20_000 }, (_, i) => r(QUEUE, `q${i}`, { name: "worker", id: `q${i}` }));
        const graph = new Graph(many);
        assert.equal(graph.lookup("worker", [QUEUE]).length, 20_000);
        assert.equal(graph.lookup("q7", [QUEUE])[0].name, "q7");
    });
});
