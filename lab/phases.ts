/**
 * Where an in-process run's time goes: `Analyze` (every resource's inputs, resource policies) against `AnalyzeStack`
 * (every resource's outputs, stack policies), and the garbage collector's pauses inside each.
 *
 * The split says which phase departs from linear growth and whether the collector is why: a phase whose working set
 * fits V8's young generation at 10k resources but not at 100k pays for copying its survivors only at 100k (see
 * docs/benchmarks.md). GC pauses come from `perf_hooks` "gc" entries, attributed to the phase they started in; they
 * are delivered asynchronously, so they are read after the runs, at `finish()`.
 */
import { PerformanceObserver, type PerformanceEntry } from "perf_hooks";
import type { EvaluationPhase } from "../harness";
import { median } from "./stats";

/** Medians over the timed runs, ms. */
export interface PhaseSplit {
    analyzeMs: number;
    analyzeStackMs: number;
    /** GC pause time that started inside the phase. */
    analyzeGcMs: number;
    analyzeStackGcMs: number;
    /** Collections (minor and major) that started inside the phase. */
    analyzeGcCount: number;
    analyzeStackGcCount: number;
    /** Own-share runs only (`ownShareVariant`): the stack policies' own time, views already materialized. */
    analyzeStackOwnMs?: number;
}

interface Window {
    phase: EvaluationPhase;
    run: number;
    start: number;
    end: number;
}

/** Per run and phase: wall time, and the GC pauses whose start falls in the phase's window. */
export function splitPhases(windows: readonly Window[], gc: readonly Pick<PerformanceEntry, "startTime" | "duration">[], ownMs: ReadonlyMap<number, number> = new Map()): PhaseSplit {
    const runs = [...new Set(windows.map((w) => w.run))];
    const per = (phase: EvaluationPhase) =>
        runs.map((run) => {
            const w = windows.find((x) => x.run === run && x.phase === phase);
            if (!w) return { ms: NaN, gcMs: NaN, gcCount: NaN };
            const inside = gc.filter((e) => e.startTime >= w.start && e.startTime < w.end);
            return { ms: w.end - w.start, gcMs: inside.reduce((sum, e) => sum + e.duration, 0), gcCount: inside.length };
        });
    const a = per("Analyze");
    const s = per("AnalyzeStack");
    const round = (v: number) => Math.round(v * 10) / 10;
    const own = runs.filter((run) => ownMs.has(run)).map((run) => ownMs.get(run) ?? NaN);
    return {
        ...(own.length ? { analyzeStackOwnMs: round(median(own)) } : {}),
        analyzeMs: round(median(a.map((x) => x.ms))),
        analyzeStackMs: round(median(s.map((x) => x.ms))),
        analyzeGcMs: round(median(a.map((x) => x.gcMs))),
        analyzeStackGcMs: round(median(s.map((x) => x.gcMs))),
        analyzeGcCount: median(a.map((x) => x.gcCount)),
        analyzeStackGcCount: median(s.map((x) => x.gcCount)),
    };
}

/**
 * Records the phases of the runs it is told about (`run(i)` before each timed run; `onPhase` goes to
 * `evaluatePack`, `own` to `ownShareVariant`), and the GC entries meanwhile.
 */
export function phaseRecorder() {
    const windows: Window[] = [];
    const gc: { startTime: number; duration: number }[] = [];
    const ownMs = new Map<number, number>();
    const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) gc.push({ startTime: e.startTime, duration: e.duration });
    });
    observer.observe({ entryTypes: ["gc"] });
    let current = -1;
    return {
        /** The next phases belong to timed run `i` (-1: untimed, not recorded). */
        run(i: number): void {
            current = i;
        },
        onPhase(phase: EvaluationPhase, start: number, end: number): void {
            if (current >= 0) windows.push({ phase, run: current, start, end });
        },
        /** A stack policy's own time in the current run (`ownShareVariant`); summed per run. */
        own(ms: number): void {
            if (current >= 0) ownMs.set(current, (ownMs.get(current) ?? 0) + ms);
        },
        /** Waits for the last GC entries, stops observing, and splits. */
        async finish(): Promise<PhaseSplit> {
            await new Promise((resolve) => setTimeout(resolve, 50));
            observer.disconnect();
            return splitPhases(windows, gc, ownMs);
        },
    };
}
