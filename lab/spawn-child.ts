/** Runs the lab's child entries (worker.ts, coldstart.ts, handler.ts), each in a fresh Node process. */
import { spawnSync } from "child_process";
import * as path from "path";
import { generateStack } from "../fixtures/synthetic-stack";
import { ROOT } from "./packs";
import type { WorkerResult, WorkerTask } from "./worker";

/** Runs a TypeScript entry of this folder in a fresh Node process and returns its `RESULT` lines, parsed. */
export function spawnChild<T>(entry: string, payload: unknown, timeoutMs: number): T[] {
    const child = spawnSync(process.execPath, ["--max-old-space-size=8192", "-r", path.join(ROOT, "harness", "ts-register.js"), path.join(__dirname, entry), JSON.stringify(payload)], {
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
export function work(task: WorkerTask): WorkerResult[] {
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
