/**
 * One lab measurement in its own process, so that sizes and packs don't pollute each other's peak RSS.
 *
 *   node -r ./harness/ts-register.js lab/worker.ts <json WorkerTask>
 *
 * Generates the synthetic stack, evaluates one pack on it `warmup + repeats` times in-process with `evaluatePack`,
 * or one or two packs through their real gRPC analyzers with `sendRunInTurns` (one analyzer process per pack for all
 * runs, the packs taking turns every 250 calls within each run), counts what each found of the planted violations, and prints one
 * line `RESULT <json WorkerResult>` per pack on stdout.
 * Diagnostics count: the last timed run's. An `Analyze` answer's diagnostics carry the URN of the resource asked about
 * (as the engine attributes them), in-process and over gRPC alike (`decodeRun`).
 *
 * Peak RSS: in-process, this process's VmHWM (the stack, its protobufs and the pack); over gRPC, the analyzer
 * process's VmHWM read just before it is stopped (what the engine's policy plugin costs).
 */
import * as fs from "fs";
import { configureAnalyzer, decodeRun, encodeRun, evaluatePack, startAnalyzer, type AnalyzerConnection, type PolicyDiagnostic, type PolicyPackDefinition, type ProgramRun } from "../harness";
import { generateStack, type Mode } from "../fixtures/synthetic-stack";
import { runChild } from "./child";
import { countFound, type FoundCount, type PackId } from "./found";
import { materializingVariant, ownShareVariant, resourcePoliciesVariant } from "./pack-variants";
import { analyzerOptions, loadAwsguardPack, loadRunwayPack, RUNWAY_CONFIG } from "./packs";
import { phaseRecorder, type PhaseSplit } from "./phases";
import { sendRunInTurns } from "./send-in-turns";
import { median } from "./stats";

/** What an in-process worker evaluates instead of the plain pack (see `WorkerTask.variant`). */
export type Variant = "floor" | "own" | "resources";

/** How each variant is named in `packUsed`. */
const VARIANT_LABEL: Record<Variant, string> = {
    floor: " (server floor: resource policies + materialize-everything)",
    own: " (stack policies timed on materialized views)",
    resources: " (resource policies only)",
};

export interface WorkerTask {
    kind: "evaluate";
    resources: number;
    mode: Mode;
    path: "inprocess" | "grpc";
    pack: PackId;
    repeats: number;
    /** Untimed runs first (JIT warm-up; their times are reported as `warmupMs`, not in the median). */
    warmup?: number;
    /** gRPC only: a second pack served side by side, taking turns with `pack` within each run (one RESULT line each). */
    alongside?: PackId;
    /**
     * In-process: `floor` evaluates the pack's server floor instead of the pack (`materializingVariant`); `own` the
     * pack with its stack policies' own time measured apart (`ownShareVariant`); `resources` the pack's resource
     * policies alone (`resourcePoliciesVariant`). All in lab/pack-variants.ts.
     */
    variant?: Variant;
    /** In-process: evaluate a wide stack (`generateStack({ wide: true })`: every type the graph rules read). */
    wide?: boolean;
    /**
     * gRPC: a time box for the timed runs, ms. After the first, another run starts only if the runs so far plus one
     * more as long as the last still fit in it; the runs done are the row's `repeats`.
     */
    budgetMs?: number;
}

export interface WorkerResult {
    task: WorkerTask;
    /** Wall time of each repeat (Analyze of every resource + AnalyzeStack), ms. */
    timesMs: number[];
    /** Times of the warm-up runs (same work, before the timed ones): what a cold process pays first. */
    warmupMs: number[];
    medianMs: number;
    peakRssMb: number;
    /** gRPC: analyzer start-up (spawn → port printed), ms (one analyzer serves every repeat). */
    startMs?: number[];
    generateMs: number;
    diagnostics: number;
    found: FoundCount;
    /** What was evaluated: the pack, and the variant or the wide stack when there was one. */
    packUsed: string;
    /** In-process: the timed runs' medians split into Analyze and AnalyzeStack, with the GC pauses of each. */
    phases?: PhaseSplit;
    /** Set when the pack could not cope with the stack (crash, protocol error): recorded, not hidden. */
    error?: string;
}

/** VmHWM (peak resident set) of a process, in MiB; NaN when it can't be read. */
export function peakRssMb(pid: number | "self"): number {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
        if (match) {
            return Number(match[1]) / 1024;
        }
    } catch {
        // not Linux, or the process is gone
    }
    return pid === "self" ? process.resourceUsage().maxRSS / 1024 : NaN;
}

type Measured = Omit<WorkerResult, "task" | "medianMs" | "generateMs" | "found" | "packUsed" | "diagnostics"> & { diagnostics: PolicyDiagnostic[] };

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n").slice(0, 3).join(" ").slice(0, 400);

function packConfig(pack: PackId) {
    return pack === "runway" ? RUNWAY_CONFIG : {};
}

/** Times per run: the first `warmup` go to `warmupMs`, the rest to `timesMs`. */
function recorder(warmup: number) {
    const timesMs: number[] = [];
    const warmupMs: number[] = [];
    /** Files run `i`'s time (`sendRunInTurns` measures its own). */
    const record = (i: number, ms: number): void => {
        (i < warmup ? warmupMs : timesMs).push(ms);
    };
    return {
        timesMs,
        warmupMs,
        record,
        time: async <T>(i: number, work: () => Promise<T>): Promise<T> => {
            const started = process.hrtime.bigint();
            const result = await work();
            record(i, Number(process.hrtime.bigint() - started) / 1e6);
            return result;
        },
    };
}

/**
 * In-process: evaluates the pack `task.warmup + task.repeats` times in this process (whose peak RSS is the pack's).
 * The warm-up runs are reported apart (`warmupMs`): they carry the JIT warm-up, which the cold-start figure covers.
 */
async function evaluateInProcess(task: WorkerTask, run: ProgramRun, plain: PolicyPackDefinition): Promise<Measured> {
    const config = packConfig(task.pack);
    const warmup = task.warmup ?? 0;
    const rec = recorder(warmup);
    const split = phaseRecorder();
    const variants: Record<Variant, () => PolicyPackDefinition> = {
        floor: () => materializingVariant(plain),
        own: () => ownShareVariant(plain, split.own),
        resources: () => resourcePoliciesVariant(plain),
    };
    const pack = task.variant ? variants[task.variant]() : plain;
    let diagnostics: PolicyDiagnostic[] = [];
    let error: string | undefined;
    try {
        for (let i = 0; i < warmup + task.repeats; i++) {
            split.run(i - warmup);
            diagnostics = await rec.time(i, () => evaluatePack(run, pack, { config, onPhase: split.onPhase }));
        }
        split.run(-1);
    } catch (err) {
        error = describe(err);
    }
    const result = { timesMs: rec.timesMs, warmupMs: rec.warmupMs, diagnostics, peakRssMb: peakRssMb("self"), phases: await split.finish() };
    return error ? { ...result, error } : result;
}

/**
 * Whether another timed run fits the time box `budgetMs` after the timed runs `runsMs` (wall ms each): always the
 * first, and with no box every run; else the runs so far plus one more as long as the last must fit.
 */
export function anotherRunFits(runsMs: readonly number[], budgetMs: number | undefined): boolean {
    if (budgetMs === undefined || runsMs.length === 0) {
        return true;
    }
    const spent = runsMs.reduce((a, b) => a + b, 0);
    return spent + runsMs[runsMs.length - 1] <= budgetMs;
}

/**
 * Over gRPC: one analyzer per pack serves every run (its start-up is the cold-start figure, measured apart). With
 * several packs (`task.pack` and `task.alongside`), the analyzers run side by side and take turns every 250 calls
 * within each run (`sendRunInTurns`), so that the machine's drift during a measurement weighs on every pack alike. The requests are
 * encoded once, before any timing (`encodeRun`: the engine's encoding is not the analyzer's time). Peak RSS is each
 * analyzer process's.
 */
async function evaluateOverGrpc(task: WorkerTask, packs: PackId[], run: ProgramRun): Promise<Measured[]> {
    const warmup = task.warmup ?? 0;
    const encoded = encodeRun(run);
    const served = packs.map((pack) => ({ pack, rec: recorder(warmup), diagnostics: [] as PolicyDiagnostic[], rss: NaN, error: undefined as string | undefined, connection: undefined as AnalyzerConnection | undefined }));
    try {
        for (const s of served) {
            try {
                s.connection = await startAnalyzer(analyzerOptions(s.pack));
                await configureAnalyzer(s.connection, packConfig(s.pack));
            } catch (err) {
                s.error = describe(err);
            }
        }
        const runsMs: number[] = [];
        for (let i = 0; i < warmup + task.repeats; i++) {
            if (!anotherRunFits(runsMs, task.budgetMs)) {
                break;
            }
            const live = served.filter((s): s is typeof s & { connection: AnalyzerConnection } => s.connection !== undefined && !s.error);
            const started = process.hrtime.bigint();
            // Timed: each analyzer's answers arriving, the analyzers taking turns (see sendRunInTurns); decoding the
            // answers is the engine's work (Go), done after.
            const results = await sendRunInTurns(
                live.map((s) => s.connection),
                encoded,
            );
            if (i >= warmup) {
                runsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
            }
            live.forEach((s, k) => {
                const { responses, ms, error } = results[k];
                if (responses) {
                    s.rec.record(i, ms);
                    s.diagnostics = decodeRun(encoded, responses);
                } else {
                    s.error = describe(error);
                }
            });
        }
        for (const s of served) {
            const connection = s.connection;
            if (!connection || s.error) {
                continue;
            }
            s.rss = connection.pid === undefined ? NaN : peakRssMb(connection.pid);
        }
    } finally {
        for (const s of served) {
            s.connection?.close();
        }
    }
    return served.map((s) => {
        const result: Measured = { timesMs: s.rec.timesMs, warmupMs: s.rec.warmupMs, diagnostics: s.diagnostics, peakRssMb: s.rss, startMs: s.connection ? [s.connection.startMs] : [] };
        return s.error ? { ...result, error: s.error } : result;
    });
}

const PACK_NAME: Record<PackId, string> = { runway: "runway", awsguard: "@pulumi/awsguard" };

function inProcessPack(pack: PackId): PolicyPackDefinition {
    return pack === "awsguard" ? loadAwsguardPack() : loadRunwayPack();
}

async function main(): Promise<void> {
    const task = JSON.parse(process.argv[2] ?? "{}") as WorkerTask;
    const generated = process.hrtime.bigint();
    const stack = generateStack({ resources: task.resources, mode: task.mode, wide: task.wide === true });
    const generateMs = Number(process.hrtime.bigint() - generated) / 1e6;
    const packs: PackId[] = task.path === "grpc" && task.alongside ? [task.pack, task.alongside] : [task.pack];
    const measured = task.path === "inprocess" ? [await evaluateInProcess(task, stack.run, inProcessPack(task.pack))] : await evaluateOverGrpc(task, packs, stack.run);
    measured.forEach((m, i) => {
        const pack = packs[i];
        const { diagnostics, ...rest } = m;
        const result: WorkerResult = {
            task: { kind: task.kind, resources: task.resources, mode: task.mode, path: task.path, pack, repeats: task.repeats, warmup: task.warmup, variant: task.variant, wide: task.wide },
            ...rest,
            medianMs: median(m.timesMs),
            generateMs,
            diagnostics: diagnostics.length,
            found: countFound(pack, stack.planted, diagnostics),
            packUsed: `${PACK_NAME[pack]}${task.variant ? VARIANT_LABEL[task.variant] : ""}${task.wide ? " on a wide stack" : ""}`,
        };
        process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    });
}

if (require.main === module) {
    runChild(main);
}
