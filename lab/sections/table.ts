/**
 * The table: both packs on every (size, mode, path), each measurement in its own worker process, and the
 * in-process regimen (warm-up by work, repeats) that the scaling pairs share.
 */
import type { Mode } from "../../fixtures/synthetic-stack";
import { MODES, PATHS, type Args } from "../args";
import { fmtMs, log, num, pad } from "../format";
import type { PackId } from "../found";
import { ratioOf } from "../scaling";
import { work } from "../spawn-child";
import type { WorkerResult, WorkerTask } from "../worker";

/**
 * Timed runs per measurement: medians of several, fewer on the bigger sizes to stay within 10 minutes on 2 cores
 * (one gRPC run at 100k is itself 100k Analyze calls and takes minutes for either pack; at 100k in-process, three
 * runs after the warm-up, as in the scaling pairs: a 100k worker is steady after its warm-up run).
 * Over gRPC at 10k, up to 2 (see `budgetFor`): the packs take turns within each run (worker.ts), so a stall weighs
 * on both.
 */
export function repeatsFor(size: number, p: WorkerTask["path"]): number {
    if (size <= 1_000) {
        return p === "inprocess" ? 9 : 5;
    }
    if (size <= 10_000) {
        return p === "inprocess" ? 9 : 2;
    }
    return p === "inprocess" ? 3 : 1;
}

/**
 * The gRPC rows' time box (`WorkerTask.budgetMs`), ms: at 10k, the second run (both packs, in turns) runs only when
 * the first took under 15 s, so that a slow machine gives a row of one run instead of stretching the table. One
 * run's ratio is itself 40 turns of both packs; the rows' `repeats` say how many ran.
 */
export function budgetFor(size: number, p: WorkerTask["path"]): number | undefined {
    return p === "grpc" && size > 1_000 && size <= 10_000 ? 30_000 : undefined;
}

/**
 * In-process warm-up covers this many resources: the JIT and the heap have settled after it at every size, so the
 * medians of different sizes are all steady-state figures and the scaling exponent compares like with like (a single
 * warm-up run is not enough below 100k: docs/benchmarks.md).
 */
const WARMUP_RESOURCES = 100_000;

/**
 * Untimed warm-up runs before the timed ones (reported as `runwayWarmupMs` / `awsguardWarmupMs`). In-process: as
 * many runs as make `WARMUP_RESOURCES` (100 at 1k, 10 at 10k, 1 at 100k). Over gRPC: two for 1k (a fresh analyzer
 * is still slower in its second run), none from 10k up (there a fresh analyzer's first run is within the
 * run-to-run noise of the next ones, and one run takes seconds to minutes).
 */
export function warmupFor(size: number, p: WorkerTask["path"]): number {
    if (p === "inprocess") {
        return Math.max(1, Math.ceil(WARMUP_RESOURCES / size));
    }
    return size <= 1_000 ? 2 : 0;
}

/** Without `--full`, the largest size runs over gRPC in preview mode only (the pull-request case). */
export function wanted(size: number, mode: Mode, p: WorkerTask["path"], args: Args): boolean {
    return args.full || size < 100_000 || p === "inprocess" || mode === "preview";
}

/** One row of results.json (`runs`). */
export interface RunRow {
    resources: number;
    mode: Mode;
    path: WorkerTask["path"];
    runwayMs: number | null;
    awsguardMs: number | null;
    /** Runway time / awsguard time. */
    ratio: number | null;
    planted: number;
    found: number;
    awsguardFound: number;
    /** Planted violations of kinds awsguard has a policy for at all. */
    awsguardCovered: number;
    peakRssMb: number;
    awsguardPeakRssMb: number;
    runwayResourcesPerSec: number | null;
    awsguardResourcesPerSec: number | null;
    /** Timed runs done (Runway's; over gRPC both packs run the same ones). */
    repeats: number;
    /** Timed runs planned; over gRPC at 10k fewer may run (`budgetFor`). */
    repeatsPlanned: number;
    runwayTimesMs: number[];
    awsguardTimesMs: number[];
    /** The untimed warm-up runs (JIT), same work as a timed run. */
    runwayWarmupMs: number[];
    awsguardWarmupMs: number[];
    runwayNotEvaluated: number;
    runwayOtherMandatory: number;
    runwayMissed: string[];
    foundByKind: WorkerResult["found"]["byKind"];
    awsguardFoundByKind: WorkerResult["found"]["byKind"];
    runwayPack: string;
    runwayError?: string;
    awsguardError?: string;
}

/**
 * Measures both packs on one (size, mode, path). In-process, each pack in its own worker (its RSS is the
 * worker's); over gRPC, one worker serves both side by side, taking turns within each run (see `evaluateOverGrpc`).
 */
export function evaluate(size: number, mode: Mode, p: WorkerTask["path"], repeats: number): { runway: WorkerResult; awsguard: WorkerResult } {
    const budgetMs = budgetFor(size, p);
    const task = (pack: PackId): WorkerTask => ({ kind: "evaluate", resources: size, mode, path: p, pack, repeats, warmup: warmupFor(size, p), ...(budgetMs !== undefined ? { budgetMs } : {}) });
    if (p === "grpc") {
        const [runway, awsguard] = work({ ...task("runway"), alongside: "awsguard" });
        return { runway, awsguard };
    }
    return { runway: work(task("runway"))[0], awsguard: work(task("awsguard"))[0] };
}

export function tableRow(size: number, mode: Mode, p: WorkerTask["path"]): RunRow {
    const repeats = repeatsFor(size, p);
    const budgetMs = budgetFor(size, p);
    log(`  ${size.toLocaleString("en-US")} resources, ${mode}, ${p}: runway and awsguard ×${repeats}${p === "grpc" ? ", in turns of 250 calls" : ""}${budgetMs !== undefined ? ` (the runs after the first only within ${budgetMs / 1000} s)` : ""}…`);
    const { runway, awsguard } = evaluate(size, mode, p, repeats);
    const done = runway.timesMs.length;
    log(`    runway ${fmtMs(runway.medianMs)}, found ${runway.found.found}/${runway.found.planted}${done < repeats && !runway.error ? ` (${done} of ${repeats} runs: the time box)` : ""}${runway.error ? `, ERROR ${runway.error}` : ""}`);
    log(`    awsguard ${fmtMs(awsguard.medianMs)}, found ${awsguard.found.found}/${awsguard.found.covered} covered${awsguard.error ? `, ERROR ${awsguard.error}` : ""}`);
    const row: RunRow = {
        resources: size,
        mode,
        path: p,
        runwayMs: num(runway.medianMs),
        awsguardMs: num(awsguard.medianMs),
        ratio: Number.isFinite(runway.medianMs / awsguard.medianMs) ? Math.round((runway.medianMs / awsguard.medianMs) * 100) / 100 : null,
        planted: runway.found.planted,
        found: runway.found.found,
        awsguardFound: awsguard.found.found,
        awsguardCovered: awsguard.found.covered,
        peakRssMb: Math.round(runway.peakRssMb),
        awsguardPeakRssMb: Math.round(awsguard.peakRssMb),
        runwayResourcesPerSec: num(size / (runway.medianMs / 1000)),
        awsguardResourcesPerSec: num(size / (awsguard.medianMs / 1000)),
        repeats: runway.timesMs.length,
        repeatsPlanned: repeats,
        runwayTimesMs: runway.timesMs.map((t) => Math.round(t)),
        awsguardTimesMs: awsguard.timesMs.map((t) => Math.round(t)),
        runwayWarmupMs: runway.warmupMs.map((t) => Math.round(t)),
        awsguardWarmupMs: awsguard.warmupMs.map((t) => Math.round(t)),
        runwayNotEvaluated: runway.found.notEvaluated,
        runwayOtherMandatory: runway.found.otherMandatory,
        runwayMissed: runway.found.missedExamples,
        foundByKind: runway.found.byKind,
        awsguardFoundByKind: awsguard.found.byKind,
        runwayPack: runway.packUsed,
    };
    if (runway.error) {
        row.runwayError = runway.error;
    }
    if (awsguard.error) {
        row.awsguardError = awsguard.error;
    }
    return row;
}

export function printTable(rows: RunRow[]): void {
    const header = ["resources", "mode", "path", "runway", "awsguard", "ratio", "runway res/s", "found", "awsguard found", "RSS runway", "RSS awsguard"];
    const widths = [10, 8, 10, 10, 10, 6, 13, 9, 16, 11, 12];
    const lines = [header.map((h, i) => pad(h, widths[i], i >= 3)).join(" ")];
    for (const r of rows) {
        const cells = [
            r.resources.toLocaleString("en-US"),
            r.mode,
            r.path,
            fmtMs(r.runwayMs),
            fmtMs(r.awsguardMs),
            r.ratio === null ? "n/a" : r.ratio.toFixed(2),
            r.runwayResourcesPerSec === null ? "n/a" : Math.round(r.runwayResourcesPerSec).toLocaleString("en-US"),
            `${r.found}/${r.planted}`,
            `${r.awsguardFound}/${r.planted} (${r.awsguardCovered} cov.)`,
            `${r.peakRssMb} MB`,
            `${r.awsguardPeakRssMb} MB`,
        ];
        lines.push(cells.map((c, i) => pad(c, widths[i], i >= 3)).join(" "));
    }
    process.stdout.write(`${lines.join("\n")}\n`);
}

/** t(big)/t(small) from the table's medians, per pack, mode and path (see `scaling.ts` for why it drifts). */
export function scalingFromTable(rows: RunRow[], big: number, small: number): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (const mode of MODES) {
        for (const p of PATHS) {
            for (const pack of ["runway", "awsguard"] as const) {
                const at = (n: number) => rows.find((r) => r.resources === n && r.mode === mode && r.path === p)?.[pack === "runway" ? "runwayMs" : "awsguardMs"] ?? null;
                out[`${pack}.${mode}.${p}`] = ratioOf(at(big), at(small));
            }
        }
    }
    return out;
}

/**
 * Runway in-process, one fresh worker: what a scaling pair measures. The table's warm-up and repeats, but 3 timed
 * runs at 100k (each is ~1 s and they agree within a few %; the pairs must fit in the 10-minute budget).
 */
export function runwayInProcess(size: number, mode: Mode, variant?: WorkerTask["variant"], wide = false): WorkerResult {
    return work({ kind: "evaluate", resources: size, mode, path: "inprocess", pack: "runway", repeats: repeatsFor(size, "inprocess"), warmup: warmupFor(size, "inprocess"), ...(variant ? { variant } : {}), ...(wide ? { wide } : {}) })[0];
}
