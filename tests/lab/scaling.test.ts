/** The lab's scaling figure (`lab/scaling.ts`): back-to-back pairs, the median pair ratio, the worse mode. */
import { strict as assert } from "assert";
import { splitPhases, type PhaseSplit } from "../../lab/phases";
import { measurePairSets, measurePairs, medianOf, phaseScaling, ratioOf, scalingExponentOf } from "../../lab/scaling";
import { result } from "./worker-result";
import { anotherRunFits } from "../../lab/worker";

describe("lab: scaling figure", () => {
    it("measures each pair small-then-big, back to back, and takes the median of the pairs' ratios", () => {
        const calls: string[] = [];
        // Drift: the machine gets slower pair after pair; each pair's ratio stays near 10.
        const times: Record<number, number[]> = { 10: [100, 130, 90], 100: [1000, 1400, 990] };
        const seen: Record<number, number> = { 10: 0, 100: 0 };
        const pairs = measurePairs(10, 100, "preview", (size, mode) => {
            calls.push(`${size}/${mode}`);
            return result(size, mode, times[size][seen[size]++]);
        });
        assert.deepEqual(calls, ["10/preview", "100/preview", "10/preview", "100/preview", "10/preview", "100/preview"]);
        assert.deepEqual(pairs.ratios, [10, 10.77, 11]);
        assert.equal(pairs.median, 10.77);
        // The table's way, small and big from different moments, would have said 1400 / 90:
        assert.equal(ratioOf(1400, 90), 15.56);
    });

    it("interleaves sets to be compared round by round, each set's pair still small-then-big back to back", () => {
        const calls: string[] = [];
        const times: Record<string, Record<number, number>> = { pack: { 10: 70, 100: 860 }, floor: { 10: 60, 100: 690 } };
        const measure = (set: string) => (size: number, mode: "preview" | "update") => {
            calls.push(`${set} ${size}`);
            return result(size, mode, times[set][size]);
        };
        const sets = measurePairSets(10, 100, "preview", { pack: measure("pack"), floor: measure("floor") }, 2);
        assert.deepEqual(calls, ["pack 10", "pack 100", "floor 10", "floor 100", "pack 10", "pack 100", "floor 10", "floor 100"]);
        assert.deepEqual(sets.pack.ratios, [12.29, 12.29]);
        assert.equal(sets.floor.median, 11.5);
        assert.equal(Object.keys(sets).join(), "pack,floor");
    });

    it("leaves a pair whose measurement failed without a ratio, and the median to the others", () => {
        let n = 0;
        const pairs = measurePairs(10, 100, "update", (size, mode) => (n++ === 1 ? result(size, mode, NaN, "crashed") : result(size, mode, size === 10 ? 100 : 1050)));
        assert.deepEqual(pairs.ratios, [null, 10.5, 10.5]);
        assert.deepEqual(pairs.bigMs, [null, 1050, 1050]);
        assert.equal(pairs.median, 10.5);
    });

    it("reports the worse mode, and nothing when no pair has a ratio", () => {
        assert.equal(scalingExponentOf({ preview: { smallMs: [], bigMs: [], ratios: [], median: 10.4 }, update: { smallMs: [], bigMs: [], ratios: [], median: 10.9 } }), 10.9);
        assert.equal(scalingExponentOf({ preview: { smallMs: [], bigMs: [], ratios: [null], median: null } }), null);
        assert.equal(medianOf([3, null, 1, 2, Number.NaN]), 2);
        assert.equal(medianOf([4, 1]), 2.5);
        assert.equal(ratioOf(null, 10), null);
        assert.equal(ratioOf(10, 0), null);
    });

    it("splits each pair by phase: t(big)/t(small) per phase, and the GC figures at both sizes", () => {
        const split = (analyzeMs: number, analyzeStackMs: number, analyzeStackGcMs: number, analyzeStackGcCount: number): PhaseSplit => ({ analyzeMs, analyzeStackMs, analyzeGcMs: 1, analyzeStackGcMs, analyzeGcCount: 1, analyzeStackGcCount });
        const byPhase = phaseScaling([
            { small: split(40, 20, 2, 1), big: split(400, 500, 140, 14) },
            { small: split(50, 25, 3, 1), big: split(450, 450, 120, 15) },
            { small: null, big: split(1, 1, 1, 1) }, // a failed small run: no ratio from this pair
        ]);
        assert.equal(byPhase.analyze, 9.5); // median of 10 and 9
        assert.equal(byPhase.analyzeStack, 21.5); // median of 25 and 18
        assert.deepEqual(byPhase.analyzeStackGcMs, [2.5, 120]);
        assert.deepEqual(byPhase.analyzeStackGcCount, [1, 14]);
    });

    it("attributes each GC pause to the phase of the run it started in", () => {
        const windows = [
            { phase: "Analyze" as const, run: 0, start: 0, end: 10 },
            { phase: "AnalyzeStack" as const, run: 0, start: 10, end: 30 },
            { phase: "Analyze" as const, run: 1, start: 40, end: 52 },
            { phase: "AnalyzeStack" as const, run: 1, start: 52, end: 70 },
        ];
        const gc = [
            { startTime: 2, duration: 1 },
            { startTime: 12, duration: 4 },
            { startTime: 29.5, duration: 3 }, // starts in AnalyzeStack, ends after it: still its own
            { startTime: 35, duration: 9 }, // between runs: nobody's
            { startTime: 60, duration: 2 },
        ];
        assert.deepEqual(splitPhases(windows, gc), { analyzeMs: 11, analyzeStackMs: 19, analyzeGcMs: 0.5, analyzeStackGcMs: 4.5, analyzeGcCount: 0.5, analyzeStackGcCount: 1.5 });
        // Own-share runs add the stack policies' own time, per run.
        assert.equal(splitPhases(windows, gc, new Map([[0, 8], [1, 12]])).analyzeStackOwnMs, 10);
        const byPhase = phaseScaling([{ small: { ...splitPhases(windows, gc), analyzeStackOwnMs: 2 }, big: { ...splitPhases(windows, gc), analyzeStackOwnMs: 23 } }]);
        assert.equal(byPhase.analyzeStackOwn, 11.5);
        assert.equal(phaseScaling([{ small: splitPhases(windows, gc), big: splitPhases(windows, gc) }]).analyzeStackOwn, undefined);
    });
});

describe("lab: gRPC time box", () => {
    it("always runs the first, then another only while the runs so far plus one as long as the last fit", () => {
        assert.equal(anotherRunFits([], 30_000), true);
        assert.equal(anotherRunFits([11_400], 30_000), true, "a normal hour: 10k in 11.4 s, a second run fits");
        assert.equal(anotherRunFits([11_400, 11_600], 30_000), false);
        assert.equal(anotherRunFits([22_400], 30_000), false, "a half-speed hour: one run");
        assert.equal(anotherRunFits([22_400, 22_400, 22_400], undefined), true, "no box: every planned run");
    });
});
