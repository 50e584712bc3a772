import * as assert from "assert";
import * as fs from "fs";
import { tempDir } from "../temp";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { plan, ROOT, SMOKE, VIOLATING, type PlanResult } from "./helpers";

function json(result: PlanResult): PlanDocument {
    assert.strictEqual(result.stdout.trim().startsWith("{"), true, `stdout is not JSON: ${result.stdout.slice(0, 200)}`);
    return JSON.parse(result.stdout) as PlanDocument;
}

describe("plan: the JSON contract", function () {
    this.timeout(60_000);
    let smoke: PlanDocument;
    let violating: PlanDocument;
    let violatingResult: PlanResult;
    before(async () => {
        smoke = json(await plan(["--program", SMOKE, "--format", "json"]));
        violatingResult = await plan(["--program", VIOLATING, "--format", "json"]);
        violating = json(violatingResult);
    });

    it("has exactly the fields other tools read, with the types they expect", () => {
        for (const key of ["stack", "stage", "program", "resources", "violations", "waived", "notEvaluated", "cost", "diagram"]) {
            assert.ok(key in smoke, `missing ${key}`);
        }
        assert.strictEqual(smoke.stack, "dev");
        assert.strictEqual(smoke.stage, "strict");
        assert.strictEqual(smoke.program, "tests/fixtures/programs/smoke/index.ts");
        for (const r of smoke.resources) {
            assert.deepStrictEqual(Object.keys(r).filter((k) => ["urn", "type", "name", "parent", "protect", "retainOnDelete", "aliases", "source"].includes(k)).sort(), ["aliases", "name", "parent", "protect", "retainOnDelete", "source", "type", "urn"]);
            assert.match(r.urn, /^urn:pulumi:dev::project::/);
            assert.ok(Array.isArray(r.aliases));
        }
        assert.strictEqual(smoke.cost.currency, "USD");
        assert.strictEqual(typeof smoke.cost.monthlyUsd, "number");
        assert.strictEqual(typeof smoke.cost.region, "string");
        assert.strictEqual(typeof smoke.cost.priceDate, "string");
        for (const l of smoke.cost.lines) assert.deepStrictEqual(["urn", "type", "monthlyUsd", "basis"].filter((k) => !(k in l)), []);
        assert.ok(Array.isArray(smoke.cost.unpriced));
        assert.match(smoke.diagram, /^flowchart/);
    });

    it("gives real URNs, parents, protect and the source line relative to the repository", () => {
        const bucket = smoke.resources.find((r) => r.name === "box-inner-bucket");
        assert.ok(bucket);
        assert.strictEqual(bucket.urn, "urn:pulumi:dev::project::smoke:index:Box$smoke:index:Inner$aws:s3/bucket:Bucket::box-inner-bucket");
        assert.strictEqual(bucket.parent, "urn:pulumi:dev::project::smoke:index:Box$smoke:index:Inner::box-inner");
        assert.strictEqual(bucket.protect, true);
        assert.deepStrictEqual(bucket.source, { file: "tests/fixtures/programs/smoke/index.ts", line: 17 });
        assert.strictEqual(smoke.resources.find((r) => r.name === "main")?.parent, null);
    });

    it("lists violations with policy, level, severity, URN and message, and exits 1 on a mandatory one", () => {
        assert.strictEqual(violatingResult.code, 1);
        const wide = violating.violations.find((v) => v.policy === "subnet-cidr-is-small");
        assert.ok(wide);
        assert.strictEqual(wide.level, "mandatory");
        assert.strictEqual(wide.severity, "medium");
        assert.match(wide.urn ?? "", /aws:ec2\/subnet:Subnet::wide$/);
        assert.match(wide.message, /10\.0\.0\.0\/20/);
        assert.strictEqual(violating.blocked, true);
        assert.strictEqual(violating.violations.filter((v) => v.level === "mandatory").length, 1);
    });

    it("exits 0 when only advisory findings remain", async () => {
        const result = await plan(["--program", VIOLATING, "--format", "json", "--config", "x=y"], {
            pack: { ...(await import("./fixtures/sample-pack")).samplePack, definition: { name: "s", version: "1", policies: [] }, policies: [] },
        });
        assert.strictEqual(result.code, 0);
    });

    it("--preview leaves provider outputs unknown: a policy that reads one is listed as not evaluated", async () => {
        const result = await plan(["--program", VIOLATING, "--format", "json", "--preview"]);
        const doc = json(result);
        assert.strictEqual(doc.preview, true);
        assert.ok(doc.notEvaluated.some((n) => n.policy === "subnet-cidr-is-small" && /vpcId/.test(n.property)), JSON.stringify(doc.notEvaluated));
        assert.strictEqual(result.code, 0, "the mandatory policy could not run in preview: nothing active");
    });

    it("--config reaches the program, and --stack picks the stack", async () => {
        const doc = json(await plan(["--program", SMOKE, "--format", "json", "--config", "cidr=10.42.0.0/16", "--stack", "staging"]));
        assert.strictEqual(doc.stack, "staging");
        assert.ok(doc.resources.every((r) => r.urn.startsWith("urn:pulumi:staging::")));
    });

    it("--stage sets the policy profile of another program", async () => {
        const doc = json(await plan(["--program", SMOKE, "--format", "json", "--stage", "hero"]));
        assert.strictEqual(doc.stage, "hero");
        assert.strictEqual(doc.pack.profile, "hero");
    });

    it("--usage none prices the floor; --usage <file> is passed to the cost model", async () => {
        const none = json(await plan(["--program", SMOKE, "--format", "json", "--usage", "none"]));
        assert.ok(none.cost.monthlyUsd <= smoke.cost.monthlyUsd);
        assert.ok(none.cost.notes.some((n) => /--usage none/.test(n)), none.cost.notes.join("\n"));
        const file = path.join(tempDir("usage"), "usage.json");
        fs.writeFileSync(file, JSON.stringify({ fields: { "s3.gbStored": { value: 1000 } } }));
        const heavy = json(await plan(["--program", SMOKE, "--format", "json", "--usage", file]));
        assert.ok(heavy.cost.monthlyUsd > smoke.cost.monthlyUsd, `${heavy.cost.monthlyUsd} > ${smoke.cost.monthlyUsd}`);
    });

    it("--out writes the report to a file and nothing to stdout", async () => {
        const out = path.join(tempDir("out"), "plan", "plan.json");
        const result = await plan(["--program", SMOKE, "--format", "json", "--out", out]);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual((JSON.parse(fs.readFileSync(out, "utf8")) as PlanDocument).stack, "dev");
    });

    it("--help prints the usage and exits 0", async () => {
        const result = await plan(["--help"]);
        assert.strictEqual(result.code, 0);
        assert.match(result.stdout, /--program <file.ts>/);
    });

    it("keeps source paths relative and stable (no absolute path of this machine in the JSON)", () => {
        assert.ok(!JSON.stringify(smoke).includes(ROOT));
    });
});
