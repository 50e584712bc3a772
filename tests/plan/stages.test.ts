/** Golden check: Runway's own program plans cleanly (exit 0) at every stage, and --compare shows them side by side. */
import * as assert from "assert";
import { STAGES } from "../../config/defaults";
import type { Comparison } from "../../plan/compare";
import { plan, SMOKE } from "./helpers";

describe("plan: Runway's stages", function () {
    this.timeout(120_000);

    /** The stack each stage is planned with: prod is the enterprise stack; dev serves zero and hero. */
    const STACK_OF: Record<(typeof STAGES)[number], string> = { zero: "dev", hero: "dev", enterprise: "prod" };
    for (const stage of STAGES) {
        it(`plans the ${stage} stage cleanly (exit 0, no active mandatory violation)`, async () => {
            const result = await plan(["--stack", STACK_OF[stage], "--stage", stage, "--format", "json"], {});
            assert.strictEqual(result.code, 0, result.stderr || result.stdout.slice(0, 3000));
        });
    }

    it("the default plan (dev stack, its stage, text) runs", async () => {
        const result = await plan([], {});
        assert.notStrictEqual(result.code, 2, result.stderr);
        assert.match(result.stdout, /^Runway plan — stack dev, stage (zero|hero|enterprise)/);
    });

    it("--compare plans the three stages side by side", async () => {
        const result = await plan(["--program", SMOKE, "--compare", "--format", "json"]);
        const comparison = JSON.parse(result.stdout) as Comparison;
        assert.deepStrictEqual(comparison.stages.map((s) => s.stage), ["zero", "hero", "enterprise"]);
        for (const s of comparison.stages) {
            assert.strictEqual(typeof s.monthlyUsd, "number");
            assert.ok(s.topCostLines.length <= 3);
        }
        const text = (await plan(["--program", SMOKE, "--compare"])).stdout;
        assert.match(text, /\s+zero\s+hero\s+enterprise\n/);
        assert.match(text, /monthly cost/);
    });
});
