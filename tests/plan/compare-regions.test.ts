/** `--compare-regions`: one run, re-priced per region; pinned resources stay; bad input is exit 2. */
import { strict as assert } from "assert";
import * as path from "path";
import type { RegionComparison } from "../../plan/compare-regions";
import { plan, rejects, ROOT, SMOKE } from "./helpers";

const OTHER_REGION = path.join(ROOT, "tests/fixtures/programs/other-region");
const RUNWAY = {};

describe("plan --compare-regions", () => {
    it("prices Runway's program in each region from one run, with deltas, derived shares and top lines", async () => {
        const result = await plan(["--compare-regions", "us-east-1,eu-west-1,ap-south-1,sa-east-1", "--format", "json"], RUNWAY);
        assert.equal(result.code, 0, result.stderr);
        const doc = JSON.parse(result.stdout) as RegionComparison;
        assert.deepEqual(doc.regions.map((r) => r.region), ["us-east-1", "eu-west-1", "ap-south-1", "sa-east-1"]);
        const [use1, euw1, , sae1] = doc.regions;
        assert.equal(use1.deltaUsd, 0);
        assert.equal(euw1.deltaUsd, Math.round((euw1.monthlyUsd - use1.monthlyUsd) * 100) / 100);
        assert.ok(sae1.monthlyUsd > euw1.monthlyUsd, "São Paulo costs more than Ireland");
        assert.equal(use1.derivedUsd, 0, "us-east-1 figures are list prices");
        assert.ok(euw1.derivedUsd > 0 && euw1.derivedUsd < euw1.monthlyUsd);
        assert.equal(Math.round((euw1.listPriceUsd + euw1.derivedUsd) * 100) / 100, euw1.monthlyUsd);
        assert.equal(use1.topCostLines.length, 3);
        assert.equal(doc.pinned.length, 0);

        const single = await plan(["--format", "json"], RUNWAY);
        assert.equal(use1.monthlyUsd, JSON.parse(single.stdout).cost.monthlyUsd, "the us-east-1 column is the plan's own total");
    });

    it("keeps a resource on an explicit provider in another region where it is, for --program", async () => {
        const result = await plan(["--program", OTHER_REGION, "--compare-regions", "eu-west-1,us-west-2", "--format", "json"], RUNWAY);
        assert.equal(result.code, 1, "the fixture has mandatory violations: exit 1 as a normal plan");
        const doc = JSON.parse(result.stdout) as RegionComparison;
        assert.deepEqual(doc.pinned.map((p) => [p.name, p.region, p.by]), [["edge", "us-east-1", "provider"]]);
        const edge = doc.regions.map((r) => r.topCostLines.find((l) => l.urn.endsWith("::edge"))?.monthlyUsd);
        assert.equal(edge[0], edge[1], "the pinned instance costs the same in both columns");
    });

    it("renders text and markdown", async () => {
        const text = await plan(["--program", SMOKE, "--compare-regions", "us-east-1,eu-west-1"]);
        assert.match(text.stdout, /priced in 2 regions/);
        assert.match(text.stdout, /vs us-east-1/);
        const md = await plan(["--program", SMOKE, "--compare-regions", "us-east-1,eu-west-1", "--format", "markdown"]);
        assert.match(md.stdout, /\| monthly cost \|/);
    });

    it("rejects regions without a table, listing those with one, and other bad combinations", async () => {
        await rejects(["--program", SMOKE, "--compare-regions", "us-east-1,il-central-1"], /no price table for il-central-1 \(regions with tables: af-south-1, .*us-west-2\)/);
        await rejects(["--program", SMOKE, "--compare-regions", "us-east-1,us-east-1"], /twice/);
        await rejects(["--program", SMOKE, "--compare-regions", "Ireland"], /not an AWS region name/);
        await rejects(["--program", SMOKE, "--compare-regions", "us-east-1", "--format", "sarif"], /--compare-regions prints text, json, markdown/);
        await rejects(["--program", SMOKE, "--compare-regions", "us-east-1", "--compare"], /cannot be combined/);
    });
});
