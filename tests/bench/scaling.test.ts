/** The bench's scaling figure (`bench/scaling.ts`): back-to-back pairs, the median pair ratio, the worse mode. */
import { strict as assert } from "assert";
import { measurePairs, medianOf, ratioOf, scalingExponentOf } from "../../bench/scaling";
import type { Mode } from "../../bench/synthetic";
import type { WorkerResult } from "../../bench/worker";

function result(size: number, mode: Mode, medianMs: number, error?: string): WorkerResult {
    const r: WorkerResult = {
        task: { kind: "evaluate", resources: size, mode, path: "inprocess", pack: "runway", repeats: 1 },
        timesMs: [medianMs],
        warmupMs: [],
        medianMs,
        peakRssMb: 0,
        generateMs: 0,
        diagnostics: 0,
        found: { planted: 0, covered: 0, found: 0, byKind: {} as WorkerResult["found"]["byKind"], otherFindings: 0, otherMandatory: 0, notEvaluated: 0, missedExamples: [] },
        packUsed: "runway",
    };
    return error ? { ...r, error } : r;
}

describe("bench scaling figure", () => {
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
});
