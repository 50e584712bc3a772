/**
 * The per-resource cost curve (`--curve`): Runway in-process at sizes between and around the scaling pair's, each in
 * a fresh worker warmed up like the table's, as microseconds per resource — in total, per phase, and the GC pauses
 * inside `AnalyzeStack`. Linear work is a flat curve; a loop over resources inside a loop over resources would
 * grow it in proportion to the size (×10 from 10k to 100k). It shows where between 10k and 100k the cost per
 * resource grows, and how: gradually (memory: caches, GC of the whole-stack view) or in a step.
 */
import { medianOf } from "./scaling";
import type { Mode } from "../fixtures/synthetic-stack";
import type { WorkerResult } from "./worker";

export const CURVE_SIZES = [5_000, 10_000, 20_000, 40_000, 70_000, 100_000];

export interface CurvePoint {
    resources: number;
    /** Median whole-pack time per resource, µs. */
    totalUs: number | null;
    /** The phases per resource, µs (each worker's phase medians: see `PhaseSplit`). */
    analyzeUs: number | null;
    analyzeStackUs: number | null;
    analyzeStackGcUs: number | null;
}

const perResource = (ms: number | undefined, resources: number): number | null => (ms === undefined || !Number.isFinite(ms) ? null : (ms * 1000) / resources);
const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * One point per size, in order. The sizes are measured twice, up then down, so that the machine's drift over the
 * minutes this takes tilts the two passes in opposite directions; each figure is the median (here: the mean) of
 * its two measurements. A failed measurement leaves its figures to the other pass (null when both failed).
 */
export function measureCurve(mode: Mode, measure: (size: number, mode: Mode) => WorkerResult, sizes: readonly number[] = CURVE_SIZES): CurvePoint[] {
    const bySize = new Map<number, WorkerResult[]>(sizes.map((n) => [n, []]));
    for (const pass of [[...sizes], [...sizes].reverse()]) {
        for (const resources of pass) {
            const result = measure(resources, mode);
            if (!result.error) bySize.get(resources)?.push(result);
        }
    }
    return sizes.map((resources) => {
        const results = bySize.get(resources) ?? [];
        const figure = (ms: (r: WorkerResult) => number | undefined) => round2(medianOf(results.map((r) => perResource(ms(r), resources))));
        return {
            resources,
            totalUs: figure((r) => r.medianMs),
            analyzeUs: figure((r) => r.phases?.analyzeMs),
            analyzeStackUs: figure((r) => r.phases?.analyzeStackMs),
            analyzeStackGcUs: figure((r) => r.phases?.analyzeStackGcMs),
        };
    });
}

/** `5k 6.03 (Analyze …) · 10k 6.89 (…) · …` (µs per resource). */
export function describeCurve(points: readonly CurvePoint[]): string {
    const us = (v: number | null) => (v === null ? "n/a" : v.toFixed(2));
    return points.map((p) => `${p.resources / 1000}k ${us(p.totalUs)} (Analyze ${us(p.analyzeUs)}, AnalyzeStack ${us(p.analyzeStackUs)}, of it GC ${us(p.analyzeStackGcUs)})`).join(" · ");
}
