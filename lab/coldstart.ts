/**
 * Pack cold start, in its own process: from spawning a pack's analyzer to its first `AnalyzeStack` answer on a
 * given stack (Configure, `Analyze` of every resource, then `AnalyzeStack` — what the engine does on a preview).
 *
 *   node -r ./harness/ts-register.js lab/coldstart.ts <json ColdStartTask>
 *
 * Prints one `RESULT <json ColdStartResult>` line per pack, in the task's order. Each repeat spawns a fresh
 * analyzer. With several packs the repeats alternate (A, B, A, B…), so that the machine's drift during the
 * measurement weighs on every pack alike (as the gRPC rows do: see worker.ts).
 */
import * as fs from "fs";
import { configureAnalyzer, encodeRun, sendRun, startAnalyzer, type EncodedRun, type ProgramRun, type StartOptions } from "../harness";
import type { PackConfig } from "../harness";
import { median } from "./stats";
import { runChild } from "./child";

/** One pack to start: how, and with which `--policy-pack-config`. */
export interface ColdStartPack {
    start: StartOptions;
    config: PackConfig;
}

export interface ColdStartTask {
    /** A JSON file holding the `ProgramRun` to analyze. */
    runFile: string;
    packs: ColdStartPack[];
    /** Fresh analyzers per pack. */
    repeats: number;
}

export interface ColdStartResult {
    /** Spawn → first AnalyzeStack answer, per repeat, ms. */
    timesMs: number[];
    medianMs: number;
    /** Spawn → port printed (module loading), per repeat, ms. */
    portMs: number[];
    resources: number;
    /** The first failure; the pack's later repeats are skipped. */
    error?: string;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n").slice(0, 3).join(" ").slice(0, 400);

/** Spawn → Configure → every `Analyze` → `AnalyzeStack`, once, on a fresh analyzer: [total ms, port ms]. */
async function coldRun(pack: ColdStartPack, encoded: EncodedRun): Promise<[number, number]> {
    const started = process.hrtime.bigint();
    const connection = await startAnalyzer(pack.start);
    try {
        await configureAnalyzer(connection, pack.config);
        await sendRun(connection, encoded); // the answers as received: decoding them is the engine's (Go) work
        return [Number(process.hrtime.bigint() - started) / 1e6, connection.startMs];
    } finally {
        connection.close();
    }
}

async function main(): Promise<void> {
    const task = JSON.parse(process.argv[2] ?? "{}") as ColdStartTask;
    const run = JSON.parse(fs.readFileSync(task.runFile, "utf8")) as ProgramRun;
    // Encoded before the clock starts: the engine encodes its requests in Go, not in the analyzer's time.
    const encoded = encodeRun(run);
    const results: ColdStartResult[] = task.packs.map(() => ({ timesMs: [], medianMs: NaN, portMs: [], resources: run.resources.length }));
    for (let i = 0; i < task.repeats; i++) {
        for (let p = 0; p < task.packs.length; p++) {
            const result = results[p];
            if (result.error !== undefined) {
                continue;
            }
            try {
                const [total, port] = await coldRun(task.packs[p], encoded);
                result.timesMs.push(total);
                result.portMs.push(port);
            } catch (err) {
                result.error = describe(err);
            }
        }
    }
    for (const result of results) {
        result.medianMs = median(result.timesMs);
        process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    }
}

if (require.main === module) {
    runChild(main);
}
