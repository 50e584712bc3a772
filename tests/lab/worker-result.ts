/** A worker's result as the lab's figures read it, for tests of those figures (`scaling.ts`, `curve.ts`). */
import type { PhaseSplit } from "../../lab/phases";
import type { Mode } from "../../fixtures/synthetic-stack";
import type { WorkerResult } from "../../lab/worker";

export function result(size: number, mode: Mode, medianMs: number, error?: string): WorkerResult {
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

/** A phase split with the given times (ms): Analyze, AnalyzeStack and the GC inside AnalyzeStack. */
export function phases(analyzeMs: number, analyzeStackMs: number, analyzeStackGcMs: number): PhaseSplit {
    return { analyzeMs, analyzeStackMs, analyzeGcMs: 0, analyzeStackGcMs, analyzeGcCount: 0, analyzeStackGcCount: 0 };
}
