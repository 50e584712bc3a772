/**
 * The priced-cases corpus (tests/fixtures/priced/cases.ts): each stack's monthly figure worked out by hand from the
 * AWS list prices written in the case, within ±10 % (list-price cases come out to the cent; the tolerance covers
 * storage figures the tables derive outside us-east-1).
 */
import { strict as assert } from "assert";
import { priceResources } from "../../cost";
import { PRICED_CASES } from "../fixtures/priced/cases";
import { stack } from "./fixtures";
import { tempJson } from "./helpers";

const TOLERANCE = 0.1;

describe("cost: priced cases from public list prices", () => {
    it("has at least 40 cases across at least 5 regions", () => {
        assert.ok(PRICED_CASES.length >= 40, `${PRICED_CASES.length} cases`);
        assert.ok(new Set(PRICED_CASES.map((c) => c.region)).size >= 5);
        assert.equal(new Set(PRICED_CASES.map((c) => c.id)).size, PRICED_CASES.length, "case ids are unique");
    });

    for (const c of PRICED_CASES) {
        it(`${c.id} (${c.pricer}, ${c.region}): $${c.expectedUsd} — ${c.source}`, () => {
            const usage = c.usage === undefined ? undefined : tempJson({ fields: c.usage }, `${c.id}.json`);
            const report = priceResources(stack(...c.resources), { region: c.region, usage });
            assert.deepEqual(report.unpricedResources, [], "every resource is priced");
            const off = Math.abs(report.monthlyUsd - c.expectedUsd) / c.expectedUsd;
            assert.ok(off <= TOLERANCE, `${c.id}: priced $${report.monthlyUsd}, expected $${c.expectedUsd} (${(off * 100).toFixed(1)} % off)\n${report.lines.map((l) => l.basis).join("\n")}`);
        });
    }
});
