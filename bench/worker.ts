/**
 * One benchmark measurement in its own process, so that sizes and packs don't pollute each other's peak RSS.
 *
 *   node -r ./harness/ts-register.js bench/worker.ts <json WorkerTask>
 *
 * Generates the synthetic stack, evaluates one pack on it `repeats` times (in-process with `evaluatePack`, or
 * through the pack's real gRPC analyzer with `analyzeRun`, one analyzer process for all repeats), counts what it
 * found of the planted violations, and prints one line `RESULT <json WorkerResult>` on stdout.
 * Diagnostics count: the timed run's, plus URN-attributed resource-policy diagnostics (see `attribute`).
 *
 * Peak RSS: in-process, this process's VmHWM (the stack, its protobufs and the pack); over gRPC, the analyzer
 * process's VmHWM read just before it is stopped (what the engine's policy plugin costs).
 */
import * as fs from "fs";
import * as path from "path";
import { analyzeRun, configureAnalyzer, evaluatePack, startAnalyzer, type PolicyDiagnostic, type PolicyPackDefinition, type ProgramRun } from "../harness";
import { decodeDiagnostic } from "../policies/lib/finding-format";
import { countFound, type FoundCount, type PackId } from "./found";
import { analyzerOptions, loadAwsguardPack, loadRunwayPack, ROOT, RUNWAY_CONFIG, runwayPackPresent } from "./packs";
import { generateStack, type Mode } from "./synthetic";
import { runChild } from "./child";

export interface WorkerTask {
    kind: "evaluate";
    resources: number;
    mode: Mode;
    path: "inprocess" | "grpc";
    pack: PackId;
    repeats: number;
    /** Untimed runs first (JIT warm-up; their times are reported as `warmupMs`, not in the median). */
    warmup?: number;
    /** gRPC: serve the precompiled Runway pack instead of `policies/index.ts` under ts-node. */
    compiled?: boolean;
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
    /** What was evaluated when the Runway pack is missing (the harness's sample pack). */
    packUsed: string;
    /** Set when the pack could not cope with the stack (crash, protocol error): recorded, not hidden. */
    error?: string;
}

export function median(values: number[]): number {
    if (values.length === 0) {
        return NaN;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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

/** Direct children of this process (the analyzer we spawned). */
function childPids(): number[] {
    const pids: number[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) {
            continue;
        }
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            if (ppid === process.pid) {
                pids.push(Number(entry));
            }
        } catch {
            // exited meanwhile
        }
    }
    return pids;
}

function samplePack(): PolicyPackDefinition {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(ROOT, "tests/fixtures/packs/sample/policies.ts")) as { samplePolicies: PolicyPackDefinition["policies"] };
    return { name: "sample", version: "0.0.0", policies: mod.samplePolicies };
}

/**
 * Resource policies report without a URN (the engine attributes an \`Analyze\` answer to the resource it asked
 * about); awsguard's diagnostics therefore carry none. To count what a pack found, each resource that holds a
 * planted violation is analyzed once more on its own (untimed) and its URN-less diagnostics are attributed to it.
 */
async function attribute(urns: string[], run: ProgramRun, evaluate: (single: ProgramRun) => Promise<PolicyDiagnostic[]>): Promise<PolicyDiagnostic[]> {
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    const out: PolicyDiagnostic[] = [];
    for (const urn of urns) {
        const resource = byUrn.get(urn);
        if (!resource) {
            continue;
        }
        for (const d of await evaluate({ ...run, resources: [resource] })) {
            if (!d.urn && !decodeDiagnostic(d).urn) {
                out.push({ ...d, urn });
            }
        }
    }
    return out;
}

/**
 * Evaluates the pack `task.repeats` times. Over gRPC one analyzer serves every repeat (its start-up is the
 * cold-start figure, measured apart). `task.warmup` runs come first and are reported apart (`warmupMs`): they
 * carry the JIT warm-up of the pack (and, over gRPC, of the analyzer process), which the cold-start figure covers.
 */
async function evaluateRepeatedly(task: WorkerTask, run: ProgramRun, pack: PolicyPackDefinition | undefined, plantedUrns: string[]): Promise<Omit<WorkerResult, "task" | "medianMs" | "generateMs" | "found" | "packUsed" | "diagnostics"> & { diagnostics: PolicyDiagnostic[] }> {
    const config = task.pack === "runway" && runwayPackPresent() ? RUNWAY_CONFIG : {};
    const timesMs: number[] = [];
    const warmupMs: number[] = [];
    const runs = (task.warmup ?? 0) + task.repeats;
    const record = (i: number, started: bigint) => (i < (task.warmup ?? 0) ? warmupMs : timesMs).push(Number(process.hrtime.bigint() - started) / 1e6);
    let diagnostics: PolicyDiagnostic[] = [];
    let error: string | undefined;
    const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n").slice(0, 3).join(" ").slice(0, 400);
    if (task.path === "inprocess") {
        if (!pack) {
            throw new Error("no pack to evaluate in-process");
        }
        try {
            for (let i = 0; i < runs; i++) {
                const started = process.hrtime.bigint();
                diagnostics = await evaluatePack(run, pack, { config });
                record(i, started);
            }
            diagnostics = [...diagnostics, ...(await attribute(plantedUrns, run, (single) => evaluatePack(single, pack, { config })))];
        } catch (err) {
            error = describe(err);
        }
        const result = { timesMs, warmupMs, diagnostics, peakRssMb: peakRssMb("self") };
        return error ? { ...result, error } : result;
    }
    const options = task.pack === "runway" && !runwayPackPresent() ? { packDir: path.join(ROOT, "tests/fixtures/packs/sample"), entry: "index.ts" } : analyzerOptions(task.pack, task.compiled);
    const connection = await startAnalyzer(options);
    let rss = NaN;
    try {
        await configureAnalyzer(connection, config);
        for (let i = 0; i < runs; i++) {
            const started = process.hrtime.bigint();
            diagnostics = await analyzeRun(connection, run);
            record(i, started);
        }
        const peaks = childPids().map((pid) => peakRssMb(pid)).filter((v) => Number.isFinite(v));
        rss = peaks.length ? Math.max(...peaks) : NaN;
        diagnostics = [...diagnostics, ...(await attribute(plantedUrns, run, (single) => analyzeRun(connection, single)))];
    } catch (err) {
        error = describe(err);
    } finally {
        connection.close();
    }
    const result = { timesMs, warmupMs, diagnostics, peakRssMb: rss, startMs: [connection.startMs] };
    return error ? { ...result, error } : result;
}

async function main(): Promise<void> {
    const task = JSON.parse(process.argv[2] ?? "{}") as WorkerTask;
    const generated = process.hrtime.bigint();
    const stack = generateStack({ resources: task.resources, mode: task.mode });
    const generateMs = Number(process.hrtime.bigint() - generated) / 1e6;
    let pack: PolicyPackDefinition | undefined;
    let packUsed: string = task.pack;
    if (task.pack === "awsguard") {
        packUsed = "@pulumi/awsguard";
        pack = task.path === "inprocess" ? loadAwsguardPack() : undefined;
    } else if (runwayPackPresent()) {
        pack = task.path === "inprocess" ? loadRunwayPack() : undefined;
        packUsed = task.compiled ? "runway (precompiled)" : "runway";
    } else {
        pack = samplePack();
        packUsed = "sample (Runway pack missing)";
    }
    const plantedUrns = [...new Set(stack.planted.flatMap((p) => [p.urn, ...p.alsoAcceptable]))];
    const measured = await evaluateRepeatedly(task, stack.run, pack, plantedUrns);
    const { diagnostics, ...rest } = measured;
    const result: WorkerResult = {
        task,
        ...rest,
        medianMs: median(measured.timesMs),
        generateMs,
        diagnostics: diagnostics.length,
        found: countFound(task.pack, stack.planted, diagnostics),
        packUsed,
    };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

if (require.main === module) {
    runChild(main);
}
