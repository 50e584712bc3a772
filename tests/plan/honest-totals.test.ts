/**
 * Honest totals (issue 25): when anything is unpriced, every report says so next to the total
 * (`$8.23 + 3 resources not priced`), and the JSON says `cost.complete: false` and lists each unpriced resource with
 * its reason. Remote components count as unpriced. The total is always a number, never `∞` or `null`.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { tempDir } from "../temp";
import { plan, REAL_WORLD, rejects, ROOT } from "./helpers";

const OTHER_REGION = path.join(ROOT, "tests/fixtures/programs/other-region");
const AWSX_VPC = path.join(REAL_WORLD, "awsx-vpc/index.ts");

/** The plan of `argv` in `format`, with Runway's own pack. */
async function report(argv: string[], format: string): Promise<string> {
    const result = await plan([...argv, "--format", format], {});
    assert.notStrictEqual(result.code, 2, result.stderr);
    return result.stdout;
}

const notPriced = (n: number) => new RegExp(`\\+ ${n} resources? not priced`);

describe("plan: honest totals", function () {
    this.timeout(60_000);

    describe("a region with no price table for most of the stack (il-central-1)", () => {
        const argv = ["--program", OTHER_REGION, "--stack", "israel"];
        let doc: PlanDocument;
        before(async () => {
            doc = JSON.parse(await report(argv, "json")) as PlanDocument;
        });

        it("JSON: cost.complete false, cost.unpricedResources with urn, type and reason; cost.unpriced still the type list", () => {
            assert.strictEqual(doc.cost.complete, false);
            assert.ok(doc.cost.unpricedResources.length >= 2, JSON.stringify(doc.cost.unpricedResources));
            for (const u of doc.cost.unpricedResources) {
                assert.ok(doc.resources.some((r) => r.urn === u.urn), `${u.urn} is a resource of the plan`);
                assert.strictEqual(u.type, doc.resources.find((r) => r.urn === u.urn)?.type);
                assert.match(u.reason, /il-central-1/);
            }
            assert.ok(doc.cost.unpricedResources.some((u) => u.type === "aws:rds/instance:Instance"));
            assert.deepStrictEqual(doc.cost.unpriced, [...new Set(doc.cost.unpricedResources.map((u) => u.type))].sort());
            assert.ok(Number.isFinite(doc.cost.monthlyUsd), `the total is a number: ${doc.cost.monthlyUsd}`);
        });

        it("text: the headline says how many resources the total leaves out, and the cost section lists them with why", async () => {
            const text = await report(argv, "text");
            const n = doc.cost.unpricedResources.length;
            const headline = text.split("\n").find((l) => l.startsWith("Monthly cost: "));
            assert.match(headline ?? "", new RegExp(`^Monthly cost: \\$[\\d,.]+ ${notPriced(n).source}`), text.slice(0, 400));
            for (const u of doc.cost.unpricedResources) assert.ok(text.includes(`${u.urn.split("::").pop()}  ${u.type}  — ${u.reason}`), `${u.urn} listed with its reason`);
            assert.doesNotMatch(text, /∞|null|NaN/);
        });

        it("markdown: the summary line says so, and so does the cost heading", async () => {
            const md = await report(argv, "markdown");
            const n = doc.cost.unpricedResources.length;
            assert.match(md.split("\n")[0], notPriced(n));
            assert.match(md, new RegExp(`#### Cost: \\$[\\d,.]+/month ${notPriced(n).source}`));
        });

        it("sarif: the run's properties carry the honest total next to monthlyUsd", async () => {
            const sarif = JSON.parse(await report(argv, "sarif")) as { runs: { properties: Record<string, unknown> }[] };
            const props = sarif.runs[0].properties;
            assert.strictEqual(props.monthlyUsd, doc.cost.monthlyUsd);
            assert.strictEqual(props.costComplete, false);
            assert.strictEqual(props.unpricedResources, doc.cost.unpricedResources.length);
            assert.match(String(props.monthlyCost), notPriced(doc.cost.unpricedResources.length));
        });
    });

    it("a remote component (awsx) is an unpriced resource: complete false, counted in the headline", async () => {
        const doc = JSON.parse(await report(["--program", AWSX_VPC], "json")) as PlanDocument;
        assert.strictEqual(doc.cost.complete, false);
        const vpc = doc.cost.unpricedResources.find((u) => u.type === "awsx:ec2:Vpc");
        assert.ok(vpc, JSON.stringify(doc.cost.unpricedResources));
        assert.match(vpc.reason, /remote component/);
        const n = doc.cost.unpricedResources.length;
        assert.match((await report(["--program", AWSX_VPC], "text")).split("\n").find((l) => l.startsWith("Monthly cost: ")) ?? "", notPriced(n));
        assert.match((await report(["--program", AWSX_VPC], "markdown")).split("\n")[0], notPriced(n));
    });

    it("everything priced (Runway's hero stage): complete true, an empty list, and a plain total in every headline", async () => {
        const doc = JSON.parse(await report(["--stage", "hero"], "json")) as PlanDocument;
        assert.strictEqual(doc.cost.complete, true);
        assert.deepStrictEqual(doc.cost.unpricedResources, []);
        const text = await report(["--stage", "hero"], "text");
        assert.match(text, /^Monthly cost: \$[\d,.]+$/m);
        assert.doesNotMatch(text, /resources? not priced/);
        assert.doesNotMatch((await report(["--stage", "hero"], "markdown")).split("\n")[0], /resources? not priced/);
    });
});

describe("plan: a total is never ∞ or null", function () {
    this.timeout(60_000);
    const usageFile = (name: string, text: string): string => {
        const file = path.join(tempDir("absurd-usage"), name);
        fs.writeFileSync(file, text);
        return file;
    };

    it("an absurd usage value (1e308) in a Runway usage file is bad input, exit 2", async () => {
        await rejects(["--usage", usageFile("huge.json", '{"fields":{"nat.gbProcessedPerMonth":{"value":1e308}}}')], /nat\.gbProcessedPerMonth.*at most 1e\+15, got 1e\+308/, {});
    });

    it("a negative or absurd value in an Infracost usage file is bad input, exit 2", async () => {
        await rejects(["--usage", usageFile("huge.yml", "version: 0.1\nresource_usage:\n  network-nat-0:\n    monthly_data_processed_gb: 1e308\n")], /monthly_data_processed_gb.*got 1e\+308/, {});
        await rejects(["--usage", usageFile("negative.yml", "version: 0.1\nresource_usage:\n  network-nat-0:\n    monthly_data_processed_gb: -5\n")], /monthly_data_processed_gb.*got -5/, {});
    });
});

describe("plan: --compare says what it could not price", function () {
    this.timeout(60_000);

    it("each stage's monthly cost names its unpriced resources (Runway in il-central-1, a region without a table)", async () => {
        const result = await plan(["--compare", "--config", "runway:region=il-central-1"], {});
        assert.notStrictEqual(result.code, 2, result.stderr);
        const costRow = result.stdout.split("\n").find((l) => l.startsWith("monthly cost")) ?? "";
        assert.strictEqual(costRow.match(/\+ \d+ resources not priced/g)?.length, 3, costRow);
    });
});
