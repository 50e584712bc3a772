/**
 * `npm run bench [-- --quick] [-- --full] [-- --floor] [-- --wide] [-- --curve] [-- --sizes 1000,10000] [-- --skip-tests] [-- --skip-plan]`
 *
 * `--floor` adds three more sets of scaling pairs, interleaved round by round with the pack's own: the server floor —
 * what materializing the stack for a graph costs the server (CrossGuard, or the harness in-process) before any rule
 * runs (`materializingVariant` in `packs.ts`) —, the pack's own share — its stack policies timed on views already
 * materialized (`ownShareVariant`) — and its resource policies alone, with no stack policy (`resourcePoliciesVariant`).
 * `--wide` adds scaling pairs on wide stacks: each hero unit followed by every other type the graph rules read
 * (`synthetic-wide.ts`), where a rule that is quadratic for a type the hero lacks would show.
 * `--curve` adds Runway's in-process cost per resource at 5k–100k resources in preview mode (`curve.ts`): where
 * between the scaling pair's sizes the cost per resource grows.
 *
 * Times Runway's policy pack against `@pulumi/awsguard` on the same synthetic stacks (see `synthetic.ts`), both
 * in-process and through the real gRPC analyzer, each measurement in its own process (`worker.ts`); then the
 * packs' cold start (`coldstart.ts`), the test suite and `npm run plan` per stage. Prints a table and writes
 * `bench/results.json`. See docs/benchmarks.md.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { ProgramRun } from "../harness/types";
import type { ColdStartPack, ColdStartResult, ColdStartTask } from "./coldstart";
import type { HandlerResult, HandlerTask } from "./handler";
import type { PackId } from "./found";
import { analyzerOptions, AWSGUARD_DIR, buildRunwayPack, ensureAwsguardInstalled, ROOT, RUNWAY_CONFIG, runwayPackPresent } from "./packs";
import { CURVE_SIZES, describeCurve, measureCurve, type CurvePoint } from "./curve";
import { measurePairSets, measurePairs, ratioOf, SCALING_PAIRS, scalingExponentOf, type PhaseScaling, type ScalingPairs } from "./scaling";
import { generateStack, type Mode } from "./synthetic";
import { median } from "./stats";
import type { WorkerResult, WorkerTask } from "./worker";

const FULL_SIZES = [1_000, 10_000, 100_000];
const QUICK_SIZES = [1_000, 10_000];
const MODES: Mode[] = ["preview", "update"];
const PATHS: WorkerTask["path"][] = ["inprocess", "grpc"];
const STAGES = ["zero", "hero", "enterprise"] as const;
/**
 * `npm run plan` arguments per stage. Enterprise runs on its own stack (prod): the dev stack's config (one cache
 * node) is rejected for enterprise by the config validation, on purpose.
 */
const PLAN_ARGS: Record<(typeof STAGES)[number], string[]> = {
    zero: ["--stage", "zero", "--format", "json"],
    hero: ["--stage", "hero", "--format", "json"],
    enterprise: ["--stack", "prod", "--stage", "enterprise", "--format", "json"],
};
/**
 * Timed runs per measurement: medians of several, fewer on the bigger sizes to stay within 10 minutes on 2 cores
 * (one gRPC run at 100k is itself 100k Analyze calls and takes minutes for either pack; at 100k in-process, three
 * runs after the warm-up, as in the scaling pairs: a 100k worker is steady after its warm-up run).
 */
function repeatsFor(size: number, p: WorkerTask["path"]): number {
    if (size <= 1_000) {
        return p === "inprocess" ? 9 : 5;
    }
    if (size <= 10_000) {
        // Over gRPC, 2: the packs take turns within each run (worker.ts), so a stall weighs on both — run-by-run ratios
        // of a row agreed within ±0.05 — where with whole runs alternating one stalled run moved a ratio to 1.15.
        return p === "inprocess" ? 9 : 2;
    }
    return p === "inprocess" ? 3 : 1;
}

/**
 * In-process warm-up covers this many resources: the JIT and the heap have settled after it at every size, so the
 * medians of different sizes are all steady-state figures and the scaling exponent compares like with like.
 * A single warm-up run was not enough below 100k: at 10k the next eight runs were still 10–80 % slower than the
 * steady state, which inflated the 10k median and flattered t(100k)/t(10k) by about 1.5.
 */
const WARMUP_RESOURCES = 100_000;

/**
 * Untimed warm-up runs before the timed ones (reported as `runwayWarmupMs` / `awsguardWarmupMs`). In-process: as
 * many runs as make `WARMUP_RESOURCES` (100 at 1k, 10 at 10k, 1 at 100k). Over gRPC: two for 1k (a fresh analyzer
 * process is still ~25 % slower in its second run), none from 10k up (there a fresh analyzer's first run is within
 * the run-to-run noise of the next ones — 8.99 s against 7.67–8.91 s — and one run takes 8 s to minutes).
 */
function warmupFor(size: number, p: WorkerTask["path"]): number {
    if (p === "inprocess") {
        return Math.max(1, Math.ceil(WARMUP_RESOURCES / size));
    }
    return size <= 1_000 ? 2 : 0;
}

/** Without `--full`, the largest size runs over gRPC in preview mode only (the pull-request case). */
function wanted(size: number, mode: Mode, p: WorkerTask["path"], args: Args): boolean {
    return args.full || size < 100_000 || p === "inprocess" || mode === "preview";
}

interface Args {
    sizes: number[];
    quick: boolean;
    full: boolean;
    skipTests: boolean;
    skipPlan: boolean;
    /** Also measure the scaling pairs of the server floor, the pack's own share and its resource policies alone (bench/packs.ts), interleaved with the pack's: adds about four minutes. */
    floor: boolean;
    /** Also measure the scaling pairs on wide stacks (bench/synthetic-wide.ts): adds about a minute and a half. */
    wide: boolean;
    /** Also measure the per-resource cost curve (bench/curve.ts): adds about two minutes. */
    curve: boolean;
    out: string;
}

function parseArgs(argv: string[]): Args {
    const args: Args = { sizes: FULL_SIZES, quick: false, full: false, skipTests: false, skipPlan: false, floor: false, wide: false, curve: false, out: path.join(ROOT, "bench", "results.json") };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--quick") {
            args.quick = true;
            args.sizes = QUICK_SIZES;
        } else if (a === "--sizes") {
            args.sizes = (argv[++i] ?? "").split(",").map(Number);
            if (args.sizes.some((n) => !Number.isInteger(n) || n < 100)) {
                throw new Error(`--sizes takes a comma-separated list of integers ≥ 100, e.g. --sizes 1000,10000; got ${argv[i]}`);
            }
        } else if (a === "--full") {
            args.full = true;
        } else if (a === "--skip-tests") {
            args.skipTests = true;
        } else if (a === "--skip-plan") {
            args.skipPlan = true;
        } else if (a === "--floor") {
            args.floor = true;
        } else if (a === "--wide") {
            args.wide = true;
        } else if (a === "--curve") {
            args.curve = true;
        } else if (a === "--out") {
            args.out = path.resolve(argv[++i] ?? "");
        } else {
            throw new Error(`unknown option ${a}; allowed: --quick, --full, --floor, --wide, --curve, --sizes <n,n,…>, --skip-tests, --skip-plan, --out <file>`);
        }
    }
    return args;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Runs a TypeScript entry of this folder in a fresh Node process and returns its `RESULT` lines, parsed. */
function spawnChild<T>(entry: string, payload: unknown, timeoutMs: number): T[] {
    const child = spawnSync(process.execPath, ["--max-old-space-size=8192", "-r", path.join(ROOT, "harness", "ts-register.js"), path.join(ROOT, "bench", entry), JSON.stringify(payload)], {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        timeout: timeoutMs,
        env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") },
    });
    const lines = (child.stdout ?? "").split("\n").filter((l) => l.startsWith("RESULT "));
    if (lines.length === 0) {
        const why = child.error ? child.error.message : `exit ${child.status}${child.signal ? ` (${child.signal})` : ""}`;
        throw new Error(`${entry} ${JSON.stringify(payload)} gave no result (${why}): ${(child.stderr ?? "").trim().split("\n").slice(-5).join(" | ")}`);
    }
    return lines.map((line) => JSON.parse(line.slice("RESULT ".length)) as T);
}

/** One row of results.json (`runs`). */
interface RunRow {
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
    repeats: number;
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

/** What a measurement that crashed reports: no times, nothing found, the error. */
function failed(task: WorkerTask, err: unknown): WorkerResult {
    const message = err instanceof Error ? err.message : String(err);
    return {
        task,
        timesMs: [],
        warmupMs: [],
        medianMs: NaN,
        peakRssMb: NaN,
        generateMs: NaN,
        diagnostics: 0,
        found: { planted: generateStack({ resources: task.resources, mode: task.mode }).planted.length, covered: 0, found: 0, byKind: {} as WorkerResult["found"]["byKind"], otherFindings: 0, otherMandatory: 0, notEvaluated: 0, missedExamples: [] },
        packUsed: task.pack,
        error: message.slice(0, 400),
    };
}

/** Runs one worker task; one result per pack it measures (a crash becomes a failed result for each). */
function work(task: WorkerTask): WorkerResult[] {
    const packs = task.alongside ? [task.pack, task.alongside] : [task.pack];
    let results: WorkerResult[] = [];
    let error: unknown;
    try {
        results = spawnChild<WorkerResult>("worker.ts", task, 30 * 60_000);
    } catch (err) {
        error = err;
    }
    return packs.map((pack) => results.find((r) => r.task.pack === pack) ?? failed({ ...task, pack }, error ?? new Error(`worker printed no result for ${pack}`)));
}

/**
 * Measures both packs on one (size, mode, path). In-process, each pack in its own worker (its RSS is the
 * worker's); over gRPC, one worker serves both side by side, taking turns within each run (see `evaluateOverGrpc`).
 */
function evaluate(size: number, mode: Mode, p: WorkerTask["path"], repeats: number): { runway: WorkerResult; awsguard: WorkerResult } {
    const task = (pack: PackId): WorkerTask => ({ kind: "evaluate", resources: size, mode, path: p, pack, repeats, warmup: warmupFor(size, p) });
    if (p === "grpc") {
        const [runway, awsguard] = work({ ...task("runway"), alongside: "awsguard" });
        return { runway, awsguard };
    }
    return { runway: work(task("runway"))[0], awsguard: work(task("awsguard"))[0] };
}

const num = (v: number): number | null => (Number.isFinite(v) ? Math.round(v * 10) / 10 : null);

function benchRow(size: number, mode: Mode, p: WorkerTask["path"]): RunRow {
    const repeats = repeatsFor(size, p);
    log(`  ${size.toLocaleString("en-US")} resources, ${mode}, ${p}: runway and awsguard ×${repeats}${p === "grpc" ? ", in turns of 250 calls" : ""}…`);
    const { runway, awsguard } = evaluate(size, mode, p, repeats);
    log(`    runway ${fmtMs(runway.medianMs)}, found ${runway.found.found}/${runway.found.planted}${runway.error ? `, ERROR ${runway.error}` : ""}`);
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
        repeats,
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

function fmtMs(ms: number | null): string {
    if (ms === null || !Number.isFinite(ms)) {
        return "n/a";
    }
    return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** The hero stage as the engine would see it, or a synthetic hero-sized stack when the program can't run. */
async function heroRun(): Promise<{ run: ProgramRun; source: string }> {
    try {
        // Loaded lazily: the mock runtime is only needed here.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runProgram } = require("../harness") as typeof import("../harness");
        const run = await runProgram({ program: path.join(ROOT, "index.ts"), stack: "dev", preview: true });
        if (run.resources.length === 0) {
            throw new Error("the program declared no resources");
        }
        return { run, source: `index.ts, stack dev (hero), preview: ${run.resources.length} resources` };
    } catch (err) {
        const run = generateStack({ resources: 150, mode: "preview" }).run;
        return { run, source: `synthetic hero-sized stack (150 resources, preview) — the hero stage could not run: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}` };
    }
}

interface ColdStarts {
    source: string;
    /** Runway as the CLI serves it: the launcher on `policies/` (package.json `main`: the compiled pack). */
    runwayMs: number | null;
    /** Runway's TypeScript entry through the same launcher (ts-node with type checking at every start). */
    runwayTypeScriptMs: number | null;
    awsguardMs: number | null;
    runwayPortMs: number | null;
    runwayTypeScriptPortMs: number | null;
    awsguardPortMs: number | null;
    compileMs: number | null;
    /** Every repeat's time, ms (the medians above are of these). */
    runsMs: { runway: number[]; runwayTypeScript: number[]; awsguard: number[] };
    errors: string[];
}

/** Median `Analyze` handler time per pack on 1k resources (see `handler.ts`), in each mode. */
interface HandlerTimes {
    resources: number;
    preview: { runway: number | null; runwayWithoutMemo: number | null; awsguard: number | null };
    update: { runway: number | null; runwayWithoutMemo: number | null; awsguard: number | null };
    errors: string[];
}

function handlerTimes(): HandlerTimes {
    const resources = 1_000;
    const errors: string[] = [];
    const one = (mode: Mode, pack: PackId, memo: boolean): number | null => {
        try {
            const [result] = spawnChild<HandlerResult>("handler.ts", { resources, mode, pack, memo, warmup: 2, repeats: 9 } satisfies HandlerTask, 10 * 60_000);
            return num(result.medianMs);
        } catch (err) {
            errors.push(`${pack} ${mode}: ${err instanceof Error ? err.message : String(err)}`.slice(0, 400));
            return null;
        }
    };
    const modeTimes = (mode: Mode) => {
        log(`  Analyze handler, ${resources.toLocaleString("en-US")} resources, ${mode}: runway, runway without deserializeOncePerRequest, awsguard ×9…`);
        const times = { runway: one(mode, "runway", true), runwayWithoutMemo: one(mode, "runway", false), awsguard: one(mode, "awsguard", false) };
        log(`    ${fmtMs(times.runway)}, ${fmtMs(times.runwayWithoutMemo)}, ${fmtMs(times.awsguard)}`);
        return times;
    };
    return { resources, preview: modeTimes("preview"), update: modeTimes("update"), errors };
}

/**
 * Cold-start repeats per pack (each a fresh analyzer). The TypeScript entry (what `main: index.ts` would cost, 3–4 s a
 * start, against no target) is started once: a figure in seconds, and ~10 s of the 10-minute budget saved.
 */
const COLD_REPEATS = 7;
const COLD_REPEATS_TYPESCRIPT = 1;

/** awsguard's two stack policies that call live AWS APIs (aws-sdk 2), disabled when they fail offline. */
const AWSGUARD_OFFLINE_CONFIG: ColdStartPack["config"] = {
    "acm-certificate-expiration": { enforcementLevel: "disabled" },
    "access-keys-rotated": { enforcementLevel: "disabled" },
};

/**
 * Each pack started as `pulumi preview --policy-pack <folder>` starts it: the Pulumi CLI's launcher
 * (`run-policy-pack`, resolved from the pack's folder) on the folder. Runway's `main` is its compiled entry, built
 * here first (`buildRunwayPack`, as `npm ci` does). Runway and awsguard are measured in one process with their
 * repeats alternating, so that the machine's drift weighs on both alike. Runway's TypeScript entry through the same
 * launcher is measured apart: what serving the sources would cost.
 */
async function coldStarts(): Promise<ColdStarts> {
    const hero = await heroRun();
    const runFile = path.join(os.tmpdir(), `runway-bench-hero-${process.pid}.json`);
    fs.writeFileSync(runFile, JSON.stringify(hero.run));
    const errors: string[] = [];
    const present = runwayPackPresent();
    let compileMs: number | null = null;
    if (present) {
        try {
            compileMs = buildRunwayPack();
        } catch (err) {
            errors.push(`building the pack (tsc -p policies/tsconfig.json): ${err instanceof Error ? err.message : String(err)}`);
        }
    }
    /** One result per labelled pack (undefined for each when the child gave none). */
    const measure = (packs: (ColdStartPack & { label: string })[], repeats: number): (ColdStartResult | undefined)[] => {
        const labels = packs.map((p) => p.label);
        try {
            log(`  cold start: ${labels.join(" and ")} ×${repeats}${packs.length > 1 ? ", alternating" : ""}…`);
            const results = spawnChild<ColdStartResult>("coldstart.ts", { runFile, packs: packs.map(({ start, config }) => ({ start, config })), repeats } satisfies ColdStartTask, 10 * 60_000);
            results.forEach((result, i) => {
                if (result.error) {
                    errors.push(`${labels[i]}: ${result.error}`);
                }
                log(`    ${labels[i]}: ${fmtMs(result.medianMs)} (port printed after ${fmtMs(median(result.portMs))})`);
            });
            return results;
        } catch (err) {
            errors.push(`${labels.join(", ")}: ${err instanceof Error ? err.message : String(err)}`);
            return packs.map(() => undefined);
        }
    };
    // awsguard's acm-certificate-expiration and access-keys-rotated stack policies call live AWS APIs (aws-sdk 2):
    // offline they fail (in preview, with an unknown certificate ARN, before even reaching the network). One start
    // with every policy records that; the measured starts then have those two disabled.
    const awsguardStart = analyzerOptions("awsguard");
    const [probe] = measure([{ label: "awsguard (run-policy-pack on bench/awsguard: main index.js, every policy)", start: awsguardStart, config: {} }], 1);
    const awsguardPack = probe && !probe.error ? { label: "awsguard (every policy)", start: awsguardStart, config: {} } : { label: "awsguard (the two live-AWS-API policies disabled)", start: awsguardStart, config: AWSGUARD_OFFLINE_CONFIG };
    const sample = { packDir: path.join(ROOT, "tests/fixtures/packs/sample"), entry: "index.ts" };
    // Without a build, the launcher would load a stale or missing main: the error above stands for the figure.
    const runwayPack = !present ? { label: "sample pack (Runway pack missing)", start: sample, config: {} } : compileMs !== null ? { label: "runway (run-policy-pack on policies/: main bin/index.js)", start: analyzerOptions("runway"), config: RUNWAY_CONFIG } : undefined;
    const [runway, awsguard] = runwayPack ? measure([runwayPack, awsguardPack], COLD_REPEATS) : [undefined, ...measure([awsguardPack], COLD_REPEATS)];
    const [typeScript] = present ? measure([{ label: "runway (run-policy-pack on policies/index.ts: ts-node, type-checked)", start: analyzerOptions("runway", true), config: RUNWAY_CONFIG }], COLD_REPEATS_TYPESCRIPT) : [undefined];
    fs.rmSync(runFile, { force: true });
    const med = (r: ColdStartResult | undefined) => (r && r.timesMs.length ? num(r.medianMs) : null);
    const port = (r: ColdStartResult | undefined) => (r && r.portMs.length ? num(median(r.portMs)) : null);
    const runsOf = (r: ColdStartResult | undefined) => (r ? r.timesMs.map((t) => Math.round(t)) : []);
    return {
        source: hero.source,
        runwayMs: med(runway),
        runwayTypeScriptMs: med(typeScript),
        awsguardMs: med(awsguard),
        runwayPortMs: port(runway),
        runwayTypeScriptPortMs: port(typeScript),
        awsguardPortMs: port(awsguard),
        compileMs,
        runsMs: { runway: runsOf(runway), runwayTypeScript: runsOf(typeScript), awsguard: runsOf(awsguard) },
        errors,
    };
}

interface PlanTimes {
    zero: number | null;
    hero: number | null;
    enterprise: number | null;
    runsMs: Record<string, number[]>;
    exitCodes: Record<string, number[]>;
    note?: string;
}

/** `npm run plan` per stage, exactly as users type it (npm's own start-up included), a cold process each time, median of 5. */
function planTimes(): PlanTimes {
    const cli = path.join(ROOT, "plan", "cli.ts");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const out: PlanTimes = { zero: null, hero: null, enterprise: null, runsMs: {}, exitCodes: {} };
    if (!fs.existsSync(cli)) {
        out.note = "n/a (plan CLI missing)";
        return out;
    }
    for (const stage of STAGES) {
        const times: number[] = [];
        const codes: number[] = [];
        log(`  npm run plan -- ${PLAN_ARGS[stage].join(" ")} ×5…`);
        for (let i = 0; i < 5; i++) {
            const started = process.hrtime.bigint();
            const child = spawnSync(npm, ["run", "--silent", "plan", "--", ...PLAN_ARGS[stage]], {
                cwd: ROOT,
                encoding: "utf8",
                maxBuffer: 256 * 1024 * 1024,
                timeout: 120_000,
            });
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            codes.push(child.status ?? -1);
            // 0 = clean, 1 = mandatory violations: both are a finished plan. Anything else is not a timing.
            if (child.status === 0 || child.status === 1) {
                times.push(ms);
            } else if (!out.note) {
                out.note = `plan --stage ${stage} exited ${child.status}: ${(child.stderr ?? "").trim().split("\n").slice(-2).join(" | ").slice(0, 300)}`;
            }
        }
        out.runsMs[stage] = times.map((t) => Math.round(t));
        out.exitCodes[stage] = codes;
        out[stage] = times.length ? num(median(times)) : null;
        log(`    ${fmtMs(out[stage])} (exit codes ${codes.join(",")})`);
    }
    return out;
}

function testSuiteTime(): { ms: number | null; exitCode: number | null } {
    log("  npm test (once)…");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const started = process.hrtime.bigint();
    const child = spawnSync(npm, ["test", "--silent"], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 15 * 60_000 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const passing = /(\d+) passing/.exec(child.stdout ?? "");
    const failing = /(\d+) failing/.exec(child.stdout ?? "");
    log(`    ${fmtMs(ms)}, exit ${child.status}${passing ? `, ${passing[1]} passing` : ""}${failing ? `, ${failing[1]} failing` : ""}`);
    return { ms: num(ms), exitCode: child.status };
}

function pad(text: string, width: number, right = false): string {
    return right ? text.padStart(width) : text.padEnd(width);
}

function printTable(rows: RunRow[]): void {
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
function scaling(rows: RunRow[], big: number, small: number): Record<string, number | null> {
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

/** `Analyze 9.3×, AnalyzeStack 19.8× (GC in AnalyzeStack: 1.6 → 140 ms, 1 → 14 collections)`. */
function describePhases(p: PhaseScaling | undefined): string {
    if (!p) {
        return "no phase split";
    }
    const x = (v: number | null) => (v === null ? "n/a" : `${v}×`);
    const ms = (v: number | null) => (v === null ? "n/a" : `${Math.round(v * 10) / 10}`);
    const own = p.analyzeStackOwn === undefined ? "" : `; stack policies' own time on materialized views ${x(p.analyzeStackOwn)}`;
    return `Analyze ${x(p.analyze)}, AnalyzeStack ${x(p.analyzeStack)} (GC in AnalyzeStack: ${ms(p.analyzeStackGcMs[0])} → ${ms(p.analyzeStackGcMs[1])} ms, ${ms(p.analyzeStackGcCount[0])} → ${ms(p.analyzeStackGcCount[1])} collections; in Analyze: ${ms(p.analyzeGcMs[0])} → ${ms(p.analyzeGcMs[1])} ms)${own}`;
}

/**
 * Runway in-process, one fresh worker: what a scaling pair measures. The table's warm-up and repeats, but 3 timed
 * runs at 100k (each is ~1 s and they agree within a few %; the pairs must fit in the 10-minute budget).
 */
function runwayInProcess(size: number, mode: Mode, variant?: WorkerTask["variant"], wide = false): WorkerResult {
    return work({ kind: "evaluate", resources: size, mode, path: "inprocess", pack: "runway", repeats: repeatsFor(size, "inprocess"), warmup: warmupFor(size, "inprocess"), ...(variant ? { variant } : {}), ...(wide ? { wide } : {}) })[0];
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const started = Date.now();
    ensureAwsguardInstalled(log);
    if (!fs.existsSync(path.join(AWSGUARD_DIR, "index.js"))) {
        throw new Error("bench/awsguard/index.js is missing");
    }
    const present = runwayPackPresent();
    log(`runway bench: sizes ${args.sizes.join(", ")}; ${present ? "Runway pack from policies/" : "Runway pack MISSING — the harness's sample pack stands in"}; ${os.cpus().length} cores`);

    /** Wall seconds of each part of the run (results.json `sectionSeconds`): where the 10-minute budget goes. */
    const sectionSeconds: Record<string, number> = {};
    let sectionStarted = started;
    const section = (name: string) => {
        const now = Date.now();
        sectionSeconds[name] = Math.round((now - sectionStarted) / 100) / 10;
        sectionStarted = now;
    };
    section("awsguardInstall");

    const rows: RunRow[] = [];
    for (const size of args.sizes) {
        for (const mode of MODES) {
            for (const p of PATHS) {
                if (wanted(size, mode, p, args)) {
                    rows.push(benchRow(size, mode, p));
                } else {
                    log(`  ${size.toLocaleString("en-US")} resources, ${mode}, ${p}: skipped (add --full; takes minutes per pack)`);
                }
            }
        }
    }
    section("table");
    const sorted = [...args.sizes].sort((a, b) => a - b);
    const big = sorted[sorted.length - 1];
    const small = sorted.length > 1 ? sorted[sorted.length - 2] : big;
    const scalingBy = scaling(rows, big, small);
    // Back-to-back pairs per mode: the pack itself; with --floor, interleaved with its server floor, its own share and
    // its resource policies alone; with --wide, on wide stacks.
    const logPairs = (mode: Mode, label: string, pairs: ScalingPairs) => {
        log(`  ${mode}${label}: ${pairs.ratios.map((r, i) => `${fmtMs(pairs.smallMs[i])} → ${fmtMs(pairs.bigMs[i])} = ${r ?? "n/a"}`).join("; ")}; median ${pairs.median ?? "n/a"}`);
        log(`    ${describePhases(pairs.byPhase)}`);
    };
    const pairsPerMode = (wide = false): Partial<Record<Mode, ScalingPairs>> => {
        const byMode: Partial<Record<Mode, ScalingPairs>> = {};
        for (const mode of MODES) {
            byMode[mode] = measurePairs(small, big, mode, (size, m) => runwayInProcess(size, m, undefined, wide));
            logPairs(mode, "", byMode[mode]);
        }
        return byMode;
    };
    let scalingPairs: Partial<Record<Mode, ScalingPairs>> = {};
    const scalingFloor: Partial<Record<Mode, ScalingPairs>> = {};
    const scalingOwn: Partial<Record<Mode, ScalingPairs>> = {};
    const scalingResourcePolicies: Partial<Record<Mode, ScalingPairs>> = {};
    let scalingWide: Partial<Record<Mode, ScalingPairs>> = {};
    if (big !== small) {
        log(`scaling: ${SCALING_PAIRS} back-to-back pairs (${small.toLocaleString("en-US")} then ${big.toLocaleString("en-US")} resources, Runway in-process) per mode:`);
        if (args.floor) {
            log("  each round interleaves 4 sets: the pack; its server floor (stack policies replaced by one that only materializes every resource: materializingVariant); its own share (stack policies timed on views already materialized: ownShareVariant); its resource policies alone (resourcePoliciesVariant)");
            for (const mode of MODES) {
                const sets = measurePairSets(small, big, mode, {
                    pack: (size, m) => runwayInProcess(size, m),
                    floor: (size, m) => runwayInProcess(size, m, "floor"),
                    own: (size, m) => runwayInProcess(size, m, "own"),
                    resources: (size, m) => runwayInProcess(size, m, "resources"),
                });
                scalingPairs[mode] = sets.pack;
                scalingFloor[mode] = sets.floor;
                scalingOwn[mode] = sets.own;
                scalingResourcePolicies[mode] = sets.resources;
                logPairs(mode, "", sets.pack);
                logPairs(mode, ", server floor", sets.floor);
                logPairs(mode, ", own share", sets.own);
                logPairs(mode, ", resource policies alone", sets.resources);
            }
        } else {
            scalingPairs = pairsPerMode();
        }
        if (args.wide) {
            log("wide stacks: every hero unit followed by every other type the graph rules read (synthetic-wide.ts):");
            scalingWide = pairsPerMode(true);
        }
    }
    const scalingExponent = scalingExponentOf(scalingPairs);
    section("scalingPairs");
    let curve: CurvePoint[] | undefined;
    if (args.curve) {
        log(`per-resource cost curve, Runway in-process, preview (${CURVE_SIZES.map((n) => n.toLocaleString("en-US")).join(", ")} resources, each a fresh worker):`);
        curve = measureCurve("preview", (size, m) => runwayInProcess(size, m));
        log(`  µs per resource: ${describeCurve(curve)}`);
        section("curve");
    }

    log("cold start (spawn → first AnalyzeStack answer on the hero stage):");
    const cold = await coldStarts();
    section("coldStart");
    log("the packs' own cost in CrossGuard's Analyze handler (no gRPC):");
    const handler = handlerTimes();
    section("analyzeHandler");
    const tests = args.skipTests ? { ms: null, exitCode: null } : testSuiteTime();
    section("testSuite");
    const plan = args.skipPlan ? { zero: null, hero: null, enterprise: null, runsMs: {}, exitCodes: {}, note: "skipped (--skip-plan)" } : planTimes();
    section("plan");

    const results = {
        runs: rows,
        scalingExponent,
        scalingSizes: [small, big],
        scalingPairs,
        ...(args.floor ? { scalingFloor, scalingOwn, scalingResourcePolicies } : {}),
        ...(args.wide ? { scalingWide } : {}),
        ...(curve ? { perResourceCurve: curve } : {}),
        scalingBy,
        planMs: { zero: plan.zero, hero: plan.hero, enterprise: plan.enterprise },
        planRunsMs: plan.runsMs,
        planExitCodes: plan.exitCodes,
        planNote: plan.note ?? null,
        packColdStartMs: cold.runwayMs,
        packColdStartTypeScriptMs: cold.runwayTypeScriptMs,
        awsguardColdStartMs: cold.awsguardMs,
        coldStartPath: "the Pulumi CLI's launcher (@pulumi/pulumi/cmd/run-policy-pack) on the pack's folder",
        coldStartPortMs: { runway: cold.runwayPortMs, runwayTypeScript: cold.runwayTypeScriptPortMs, awsguard: cold.awsguardPortMs },
        coldStartRunsMs: cold.runsMs,
        coldStartStack: cold.source,
        packCompileMs: cold.compileMs,
        coldStartErrors: cold.errors,
        analyzeHandlerMs: handler,
        testSuiteMs: tests.ms,
        testSuiteExitCode: tests.exitCode,
        runwayPack: present ? "policies/" : "sample (Runway pack missing)",
        machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
        quick: args.quick,
        totalSeconds: 0,
        sectionSeconds,
        date: new Date().toISOString(),
    };
    results.totalSeconds = Math.round((Date.now() - started) / 1000);
    fs.writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);

    process.stdout.write("\nPolicy evaluation (median wall time of the whole pack: Analyze every resource + AnalyzeStack)\n");
    printTable(rows);
    const flag = (ok: boolean | null) => (ok === null ? "" : ok ? "  ✓" : "  ✗ target missed");
    const ratios = rows.map((r) => r.ratio).filter((v): v is number => v !== null);
    const allFound = rows.every((r) => r.found === r.planted && !r.runwayError);
    const bigInProcess = rows.filter((r) => r.resources === 100_000 && r.path === "inprocess");
    process.stdout.write(
        [
            "",
            `planted found (Runway): ${rows.map((r) => `${r.found}/${r.planted}`).join(", ")}${flag(allFound)}`,
            `awsguard found: ${rows.map((r) => `${r.awsguardFound}/${r.planted}`).join(", ")} (it has policies for ${rows[0]?.awsguardCovered ?? 0} of the ${rows[0]?.planted ?? 0} planted at ${rows[0]?.resources ?? ""}: public and unencrypted RDS only)`,
            `scaling t(${big})/t(${small}), Runway in-process, median of ${SCALING_PAIRS} back-to-back pairs: ${scalingExponent ?? "n/a"}${flag(scalingExponent === null || big !== 100_000 ? null : scalingExponent <= 11)}  (${MODES.map((m) => `${m}: ${scalingPairs[m]?.ratios.map((r) => r ?? "n/a").join(", ") ?? "n/a"}`).join("; ")})`,
            ...MODES.map((m) => `  ${m} by phase: ${describePhases(scalingPairs[m]?.byPhase)}`),
            ...(args.floor ? MODES.map((m) => `  server floor, ${m}: ${scalingFloor[m]?.median ?? "n/a"} (${describePhases(scalingFloor[m]?.byPhase)})`) : []),
            ...(args.floor ? MODES.map((m) => `  pack's own share, ${m}: stack policies on materialized views ${scalingOwn[m]?.byPhase?.analyzeStackOwn ?? "n/a"}×`) : []),
            ...(args.floor ? MODES.map((m) => `  resource policies alone (no stack policy), ${m}: ${scalingResourcePolicies[m]?.median ?? "n/a"} (${scalingResourcePolicies[m]?.ratios.map((r) => r ?? "n/a").join(", ") ?? "n/a"})`) : []),
            ...(curve ? [`  µs per resource (preview; --curve): ${describeCurve(curve)}`] : []),
            ...(args.wide ? MODES.map((m) => `  wide stacks, ${m}: ${scalingWide[m]?.median ?? "n/a"} (${scalingWide[m]?.ratios.map((r) => r ?? "n/a").join(", ") ?? "n/a"}; ${describePhases(scalingWide[m]?.byPhase)})`) : []),
            `  from the table's medians (measured minutes apart): ${Object.entries(scalingBy)
                .map(([k, v]) => `${k} ${v ?? "n/a"}`)
                .join(", ")}`,
            bigInProcess.length
                ? `100k in-process: ${bigInProcess.map((r) => `${r.mode} ${fmtMs(r.runwayMs)}, ${r.peakRssMb} MB`).join("; ")}${flag(bigInProcess.every((r) => (r.runwayMs ?? Infinity) < 10_000 && r.peakRssMb < 2048))}`
                : "100k in-process: not run (--quick)",
            `ratio Runway/awsguard: ${ratios.map((r) => r.toFixed(2)).join(", ")}${flag(ratios.length ? ratios.every((r) => r < 1) : null)}`,
            `pack cold start (hero, through the CLI's launcher run-policy-pack; median of ${COLD_REPEATS} starts each, alternating): Runway ${fmtMs(cold.runwayMs)} (compiled main; tsc ${fmtMs(cold.compileMs)}); awsguard ${fmtMs(cold.awsguardMs)}${flag(
                cold.runwayMs === null ? null : cold.runwayMs < Math.min(1000, cold.awsguardMs ?? Infinity),
            )}; Runway's TypeScript entry, type-checked by the launcher: ${fmtMs(cold.runwayTypeScriptMs)}`,
            `  on: ${cold.source}${cold.errors.length ? `; errors: ${cold.errors.join("; ")}` : ""}`,
            `Analyze handler, no gRPC (${handler.resources.toLocaleString("en-US")} resources, preview / update): Runway ${fmtMs(handler.preview.runway)} / ${fmtMs(handler.update.runway)} (without deserializeOncePerRequest ${fmtMs(handler.preview.runwayWithoutMemo)} / ${fmtMs(handler.update.runwayWithoutMemo)}); awsguard ${fmtMs(handler.preview.awsguard)} / ${fmtMs(handler.update.awsguard)}${handler.errors.length ? `; errors: ${handler.errors.join("; ")}` : ""}`,
            `npm run plan (cold, median of 5): ${plan.note && plan.zero === null && plan.hero === null && plan.enterprise === null ? plan.note : `zero ${fmtMs(plan.zero)}, hero ${fmtMs(plan.hero)}, enterprise ${fmtMs(plan.enterprise)}${flag(plan.enterprise === null ? null : plan.enterprise < 5000)}${plan.note ? ` (${plan.note})` : ""}`}`,
            `npm test: ${tests.ms === null ? "skipped" : `${fmtMs(tests.ms)} (exit ${tests.exitCode})`}`,
            ...rows.filter((r) => r.runwayError || r.awsguardError).map((r) => `errors at ${r.resources} ${r.mode} ${r.path}: ${[r.runwayError && `runway: ${r.runwayError}`, r.awsguardError && `awsguard: ${r.awsguardError}`].filter(Boolean).join("; ")}`),
            `total ${results.totalSeconds} s (${Object.entries(sectionSeconds)
                .map(([k, v]) => `${k} ${v} s`)
                .join(", ")}); written ${path.relative(ROOT, args.out)}`,
            "",
        ].join("\n"),
    );
}

main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
});
