/**
 * The scaling figure t(big)/t(small): how the pack's time grows from 10k to 100k resources (linear is 10).
 *
 * Two figures are reported:
 * - `scalingBy`: for each pack, mode and path, the ratio of the table's medians. Those rows are measured minutes
 *   apart, so the machine's drift over minutes falls into the ratio (see docs/benchmarks.md).
 * - `scalingExponent`: Runway in-process, from `SCALING_PAIRS` back-to-back pairs per mode (the small size, then
 *   at once the big one, each in a fresh worker warmed up like the table's: `runwayInProcess` in sections/table.ts). Each
 *   pair gives a ratio of medians; the figure is the median of the pairs' ratios, the worse mode counting. Drift
 *   between the two halves of a pair is seconds, not minutes, and one disturbed pair cannot move the median.
 */
import { num } from "./format";
import type { PhaseSplit } from "./phases";
import type { Mode } from "../fixtures/synthetic-stack";
import type { WorkerResult } from "./worker";

/** Back-to-back (small, big) pairs per mode. */
export const SCALING_PAIRS = 3;

/** One mode's pairs: each pair's medians and ratio, and the median ratio. */
export interface ScalingPairs {
    smallMs: (number | null)[];
    bigMs: (number | null)[];
    ratios: (number | null)[];
    median: number | null;
    /** Each pair's phase split (small, big), when the worker reported one. */
    phases?: { small: PhaseSplit | null; big: PhaseSplit | null }[];
    /** Median over the pairs, per phase: t(big)/t(small), and the GC pauses and collections at each size. */
    byPhase?: PhaseScaling;
}

/** How each phase grows from the small size to the big one (medians over the pairs). */
export interface PhaseScaling {
    analyze: number | null;
    analyzeStack: number | null;
    analyzeStackGcMs: [number | null, number | null];
    analyzeStackGcCount: [number | null, number | null];
    analyzeGcMs: [number | null, number | null];
    /** Own-share pairs only: t(big)/t(small) of the stack policies' own time on materialized views. */
    analyzeStackOwn?: number | null;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Median of the finite values; null when there are none. */
export function medianOf(values: readonly (number | null)[]): number | null {
    const finite = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
    if (finite.length === 0) {
        return null;
    }
    const mid = Math.floor(finite.length / 2);
    return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

/** Ratio of two medians, rounded to 2 decimals; null when either is missing. */
export function ratioOf(big: number | null, small: number | null): number | null {
    return big !== null && small !== null && Number.isFinite(big) && Number.isFinite(small) && small > 0 ? round2(big / small) : null;
}

/**
 * Measures `pairs` back-to-back pairs in `mode`: `measure(small)` then `measure(big)`, each a fresh in-process
 * worker. A failed measurement leaves its pair without a ratio.
 */
export function measurePairs(small: number, big: number, mode: Mode, measure: Measure, pairs = SCALING_PAIRS): ScalingPairs {
    return measurePairSets(small, big, mode, { only: measure }, pairs).only;
}

/** One measurement of one size in one mode (a fresh in-process worker in the lab). */
export type Measure = (size: number, mode: Mode) => WorkerResult;

/**
 * Several sets of back-to-back pairs in `mode`, one set per entry of `measures`, interleaved: round by round, each
 * set measures its pair (`small` then at once `big`) before the next set does. Sets that are to be compared with
 * each other (the pack, its server floor, its resource policies alone) then share the machine's drift over the
 * minutes a whole set takes.
 */
export function measurePairSets<K extends string>(small: number, big: number, mode: Mode, measures: Record<K, Measure>, pairs = SCALING_PAIRS): Record<K, ScalingPairs> {
    const keys = Object.keys(measures) as K[];
    const out = {} as Record<K, ScalingPairs>;
    for (const key of keys) {
        out[key] = { smallMs: [], bigMs: [], ratios: [], median: null, phases: [] };
    }
    for (let i = 0; i < pairs; i++) {
        for (const key of keys) {
            const s = measures[key](small, mode);
            const b = measures[key](big, mode);
            const sMs = s.error ? null : s.medianMs;
            const bMs = b.error ? null : b.medianMs;
            const set = out[key];
            set.smallMs.push(sMs === null ? null : num(sMs));
            set.bigMs.push(bMs === null ? null : num(bMs));
            set.ratios.push(ratioOf(bMs, sMs));
            set.phases?.push({ small: s.error ? null : (s.phases ?? null), big: b.error ? null : (b.phases ?? null) });
        }
    }
    for (const key of keys) {
        out[key].median = medianOf(out[key].ratios);
        out[key].byPhase = phaseScaling(out[key].phases ?? []);
    }
    return out;
}

/** Per phase, the median over the pairs of t(big)/t(small), and of the GC figures at each size. */
export function phaseScaling(pairs: readonly { small: PhaseSplit | null; big: PhaseSplit | null }[]): PhaseScaling {
    const ratio = (key: keyof PhaseSplit) => medianOf(pairs.map((p) => ratioOf(p.big?.[key] ?? null, p.small?.[key] ?? null)));
    const at = (key: keyof PhaseSplit): [number | null, number | null] => [medianOf(pairs.map((p) => p.small?.[key] ?? null)), medianOf(pairs.map((p) => p.big?.[key] ?? null))];
    const own = ratio("analyzeStackOwnMs");
    return {
        ...(own !== null ? { analyzeStackOwn: own } : {}),
        analyze: ratio("analyzeMs"),
        analyzeStack: ratio("analyzeStackMs"),
        analyzeStackGcMs: at("analyzeStackGcMs"),
        analyzeStackGcCount: at("analyzeStackGcCount"),
        analyzeGcMs: at("analyzeGcMs"),
    };
}

/** The headline figure: the worse mode's median pair ratio (null when no mode has one). */
export function scalingExponentOf(byMode: Partial<Record<Mode, ScalingPairs>>): number | null {
    const medians = Object.values(byMode)
        .map((p) => p?.median ?? null)
        .filter((v): v is number => v !== null);
    return medians.length ? Math.max(...medians) : null;
}

/** `Analyze 9.3×, AnalyzeStack 19.8× (GC in AnalyzeStack: 1.6 → 140 ms, 1 → 14 collections)`. */
export function describePhases(p: PhaseScaling | undefined): string {
    if (!p) {
        return "no phase split";
    }
    const x = (v: number | null) => (v === null ? "n/a" : `${v}×`);
    const ms = (v: number | null) => (v === null ? "n/a" : `${Math.round(v * 10) / 10}`);
    const own = p.analyzeStackOwn === undefined ? "" : `; stack policies' own time on materialized views ${x(p.analyzeStackOwn)}`;
    return `Analyze ${x(p.analyze)}, AnalyzeStack ${x(p.analyzeStack)} (GC in AnalyzeStack: ${ms(p.analyzeStackGcMs[0])} → ${ms(p.analyzeStackGcMs[1])} ms, ${ms(p.analyzeStackGcCount[0])} → ${ms(p.analyzeStackGcCount[1])} collections; in Analyze: ${ms(p.analyzeGcMs[0])} → ${ms(p.analyzeGcMs[1])} ms)${own}`;
}
