/**
 * Pack cold start, in its own process: from spawning a pack's analyzer to its first `AnalyzeStack` answer on a
 * given stack (Configure, `Analyze` of every resource, then `AnalyzeStack` — what the engine does on a preview).
 *
 *   node -r ./harness/ts-register.js bench/coldstart.ts <json ColdStartTask>
 *
 * Prints `RESULT <json ColdStartResult>`. Each repeat spawns a fresh analyzer.
 */
import * as fs from "fs";
import { analyzeEncoded, configureAnalyzer, encodeRun, startAnalyzer, type ProgramRun, type StartOptions } from "../harness";
import type { PackConfig } from "../harness";
import { median } from "./stats";
import { runChild } from "./child";

export interface ColdStartTask {
    /** A JSON file holding the `ProgramRun` to analyze. */
    runFile: string;
    start: StartOptions;
    config: PackConfig;
    repeats: number;
}

export interface ColdStartResult {
    /** Spawn → first AnalyzeStack answer, per repeat, ms. */
    timesMs: number[];
    medianMs: number;
    /** Spawn → port printed (module loading), per repeat, ms. */
    portMs: number[];
    resources: number;
    error?: string;
}

async function main(): Promise<void> {
    const task = JSON.parse(process.argv[2] ?? "{}") as ColdStartTask;
    const run = JSON.parse(fs.readFileSync(task.runFile, "utf8")) as ProgramRun;
    // Encoded before the clock starts: the engine encodes its requests in Go, not in the analyzer's time.
    const encoded = encodeRun(run);
    const timesMs: number[] = [];
    const portMs: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < task.repeats; i++) {
        const started = process.hrtime.bigint();
        try {
            const connection = await startAnalyzer(task.start);
            try {
                await configureAnalyzer(connection, task.config);
                await analyzeEncoded(connection, encoded);
                timesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
                portMs.push(connection.startMs);
            } finally {
                connection.close();
            }
        } catch (err) {
            error = (err instanceof Error ? err.message : String(err)).split("\n").slice(0, 3).join(" ").slice(0, 400);
            break;
        }
    }
    const result: ColdStartResult = { timesMs, medianMs: median(timesMs), portMs, resources: run.resources.length };
    if (error) {
        result.error = error;
    }
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

if (require.main === module) {
    runChild(main);
}
