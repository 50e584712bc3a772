/**
 * Prices Runway's own three stages as the plan does: the real program under the mock runtime, then the cost
 * model. Skipped until the program (`index.ts` and its stack files) exists.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { priceResources, topLines, type CostReport } from "../../cost";
import { runProgram, toStackResources } from "../../harness";

const ROOT = path.resolve(__dirname, "..", "..");
const PROGRAM = path.join(ROOT, "index.ts");
/** Targets from the issue (list price, default usage). */
const ZERO_TARGET_USD = 15;
const HERO_TARGET_USD = 200;

interface StageRun {
    stage: "zero" | "hero" | "enterprise";
    stack: string;
    config?: Record<string, string>;
}

const RUNS: StageRun[] = [
    { stage: "zero", stack: "dev", config: { "runway:stage": "zero" } },
    { stage: "hero", stack: "dev" },
    { stage: "enterprise", stack: "prod" },
];

describe("cost: Runway's stages", function () {
    this.timeout(180_000);
    const reports = new Map<string, CostReport>();

    before(async function () {
        if (!fs.existsSync(PROGRAM) || !fs.existsSync(path.join(ROOT, "Pulumi.dev.yaml"))) this.skip();
        for (const run of RUNS) {
            const programRun = await runProgram({ program: PROGRAM, stack: run.stack, config: run.config });
            reports.set(run.stage, priceResources(toStackResources(programRun), { stage: run.stage }));
        }
    });

    for (const run of RUNS) {
        it(`prices every AWS type the ${run.stage} stage uses, or says it is free`, () => {
            const report = reports.get(run.stage);
            assert.ok(report);
            const missing = report.unpricedResources.filter((u) => u.type.startsWith("aws:"));
            assert.deepEqual(missing, [], `unpriced in ${run.stage}: ${JSON.stringify(missing, null, 1)}`);
            assert.ok(report.lines.length > 0);
        });
    }

    it(`keeps zero at or under $${ZERO_TARGET_USD}/month`, () => {
        const report = reports.get("zero");
        assert.ok(report);
        assert.ok(report.monthlyUsd <= ZERO_TARGET_USD, `zero costs $${report.monthlyUsd}: ${JSON.stringify(topLines(report, 5).map((l) => [l.name, l.monthlyUsd]))}`);
    });

    it(`keeps hero (Pulumi.dev.yaml) at or under $${HERO_TARGET_USD}/month`, () => {
        const report = reports.get("hero");
        assert.ok(report);
        assert.ok(report.monthlyUsd <= HERO_TARGET_USD, `hero costs $${report.monthlyUsd}: ${JSON.stringify(topLines(report, 5).map((l) => [l.name, l.monthlyUsd]))}`);
    });

    it("prices enterprise above hero, with its autoscaling and serverless savings itemised", () => {
        const hero = reports.get("hero");
        const enterprise = reports.get("enterprise");
        assert.ok(hero && enterprise);
        assert.ok(enterprise.monthlyUsd > hero.monthlyUsd);
        assert.ok(enterprise.savings.some((s) => s.title.includes("autoscaled Fargate")));
        assert.ok(enterprise.savings.some((s) => s.title.includes("Aurora Serverless v2")));
    });

    it("prices the floor under --usage none below the assumed-usage figure", async () => {
        const run = await runProgram({ program: PROGRAM, stack: "dev" });
        const floor = priceResources(toStackResources(run), { stage: "hero", usage: "none" });
        const hero = reports.get("hero");
        assert.ok(hero);
        assert.ok(floor.monthlyUsd < hero.monthlyUsd);
        assert.ok(floor.lines.some((l) => l.needsUsage === true));
    });
});
