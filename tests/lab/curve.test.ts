/** The lab's per-resource cost curve (`lab/curve.ts`, `--curve`): two passes, up then down, per-resource medians. */
import { strict as assert } from "assert";
import { describeCurve, measureCurve } from "../../lab/curve";
import { phases, result } from "./worker-result";

describe("lab: per-resource cost curve", () => {
    it("measures every size up then down, and reports each size's two measurements per resource, in µs", () => {
        const calls: number[] = [];
        // 1k: 6 then 8 ms; 4k: 32 then 40 ms (the machine slower on the way back).
        const times: Record<number, number[]> = { 1000: [6, 8], 4000: [32, 40] };
        const points = measureCurve("preview", (size, mode) => {
            calls.push(size);
            const ms = times[size][calls.filter((s) => s === size).length - 1];
            return { ...result(size, mode, ms), phases: phases(ms / 2, ms / 2, ms / 4) };
        }, [1000, 4000]);
        assert.deepEqual(calls, [1000, 4000, 4000, 1000]);
        assert.deepEqual(points, [
            { resources: 1000, totalUs: 7, analyzeUs: 3.5, analyzeStackUs: 3.5, analyzeStackGcUs: 1.75 },
            { resources: 4000, totalUs: 9, analyzeUs: 4.5, analyzeStackUs: 4.5, analyzeStackGcUs: 2.25 },
        ]);
        assert.equal(describeCurve(points), "1k 7.00 (Analyze 3.50, AnalyzeStack 3.50, of it GC 1.75) · 4k 9.00 (Analyze 4.50, AnalyzeStack 4.50, of it GC 2.25)");
    });

    it("leaves a failed measurement to the other pass, and no figure when both failed", () => {
        let first = true;
        const points = measureCurve("update", (size, mode) => {
            if (size === 2000) return result(size, mode, 1, "crashed");
            const failed = size === 1000 && first;
            first = false;
            return failed ? result(size, mode, 1, "crashed") : result(size, mode, 5);
        }, [1000, 2000]);
        assert.deepEqual(points.map((p) => [p.resources, p.totalUs, p.analyzeUs]), [
            [1000, 5, null], // no phases reported: the phase figures are unknown, not zero
            [2000, null, null],
        ]);
    });
});
