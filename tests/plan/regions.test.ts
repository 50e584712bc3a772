/**
 * The plan runs wherever a program runs: a region without prices costs the prices, never the verdicts.
 * Each case runs the plan as users run it (`npm run plan -- --program <folder>` or Runway's own `--config`).
 */
import * as assert from "assert";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { plan, ROOT, spawnPlan } from "./helpers";

const OTHER_REGION = path.join(ROOT, "tests/fixtures/programs/other-region");

async function planJson(argv: string[]): Promise<{ code: number; doc: PlanDocument; stderr: string }> {
    const result = await plan([...argv, "--format", "json"], {});
    assert.notStrictEqual(result.code, 2, `exit 2 for ${argv.join(" ")}: ${result.stderr}`);
    return { code: result.code, doc: JSON.parse(result.stdout) as PlanDocument, stderr: result.stderr };
}

const mandatoryRules = (doc: PlanDocument): string[] => doc.violations.filter((v) => v.level === "mandatory").map((v) => v.policy);

describe("plan: every region", function () {
    this.timeout(60_000);

    it("judges a program in a region with no price table (il-central-1) and lists every AWS resource as unpriced, with the region", async () => {
        const { code, doc } = await planJson(["--program", path.join(OTHER_REGION, "index.ts"), "--stack", "israel"]);
        assert.strictEqual(code, 1, "the public database is still a mandatory violation");
        assert.ok(mandatoryRules(doc).length > 0);
        assert.strictEqual(doc.cost.region, "il-central-1");
        for (const type of ["aws:ec2/instance:Instance", "aws:rds/instance:Instance"]) {
            assert.ok(doc.cost.unpriced.includes(type), `${type} is unpriced: ${doc.cost.unpriced.join(", ")}`);
        }
        const priced = doc.cost.lines.filter((l) => l.monthlyUsd > 0);
        assert.deepStrictEqual(priced.map((l) => l.urn.split("::").pop()), ["edge"], "only the instance behind the us-east-1 provider is priced");
        assert.match(priced[0].basis, /\(in us-east-1\)/);
        assert.strictEqual(doc.cost.monthlyUsd, priced[0].monthlyUsd);
        assert.ok(doc.cost.notes.some((n) => /il-central-1/.test(n) && /no price/.test(n)), doc.cost.notes.join("\n"));
    });

    it("judges with --usage none and --format sarif in a region with no price table", async () => {
        const result = await plan(["--program", path.join(OTHER_REGION, "index.ts"), "--stack", "israel", "--usage", "none", "--format", "sarif"], {});
        assert.strictEqual(result.code, 1, result.stderr);
        const sarif = JSON.parse(result.stdout) as { runs: { results: unknown[] }[] };
        assert.ok(sarif.runs[0].results.length > 0);
    });

    it("prices Runway's own stack in the region runway:region names (us-west-2), not us-east-1", async () => {
        const { doc } = await planJson(["--config", "runway:region=us-west-2"]);
        assert.strictEqual(doc.cost.region, "us-west-2");
        const priced = new Set(doc.cost.lines.map((l) => l.urn));
        const unpriced = doc.cost.notes.filter((n) => n.startsWith("unpriced "));
        for (const line of doc.cost.lines) {
            assert.doesNotMatch(line.basis, /us-east-1/, `${line.urn} is priced from us-east-1: ${line.basis}`);
        }
        assert.ok(priced.size + unpriced.length > 50, "every resource is either priced or said to be unpriced");
    });

    it("a stack file's aws:region (us-west-2) is the report's region, through npm run plan with a folder as --program", () => {
        const result = spawnPlan(["--program", OTHER_REGION, "--format", "json"]);
        assert.notStrictEqual(result.code, 2, result.stderr);
        const doc = JSON.parse(result.stdout) as PlanDocument;
        assert.strictEqual(doc.cost.region, "us-west-2");
        assert.ok(mandatoryRules(doc).length > 0);
    });
});
