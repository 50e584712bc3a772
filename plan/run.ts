/** Runs the target program under the mock runtime; a program that cannot run is bad input (exit 2). */
import { ProgramError, runProgram, type ProgramRun } from "../harness";
import { BadInput } from "./errors";
import { withStdoutOnStderr } from "./quiet-stdout";
import type { PlanTarget } from "./target";

const KIND_HINTS: Record<string, string> = {
    compile: "fix the program so it compiles",
    throw: "the program threw while declaring resources",
    timeout: "the program never finished registering resources (raise --timeout if it is just slow)",
    config: "give the missing value with --config key=value or in the stack file",
    missing: "check the --program path",
};

/** What a program's `process.exit(code)` throws instead of ending the plan. */
export class ProgramExit extends Error {
    override readonly name = "ProgramExit";
    constructor(readonly code: string | number | null | undefined) {
        super(`the program called process.exit(${code ?? ""}) while declaring resources; a Pulumi program must not end the process`);
    }
}

/**
 * Runs `work` with `process.exit` turned into a thrown `ProgramExit`: a program that calls it must not end the plan
 * (or the test runner running the plan in-process) half-way, with a partial report or none.
 */
async function withoutProcessExit<T>(work: () => Promise<T>): Promise<T> {
    const original = process.exit;
    const disarmed = (code?: string | number | null): never => {
        const exit = new ProgramExit(code);
        Error.captureStackTrace(exit, disarmed); // the stack starts at the program's own call
        throw exit;
    };
    process.exit = disarmed;
    try {
        return await work();
    } finally {
        process.exit = original;
    }
}

/** The first line of a multi-line error (a "Require stack:" list...), keeping the "(at file:line)" the harness appends. */
export function oneLine(message: string): string {
    const lines = message.split("\n").filter((l) => l.trim() !== "");
    if (lines.length <= 1) return message.trim();
    const at = /\((at [^()]+:\d+(:\d+)?)\)\s*$/.exec(lines[lines.length - 1]);
    return `${lines[0].trim()}${at ? ` (${at[1]})` : ""}`;
}

/** Runs the program with stdout kept clean and `process.exit` disarmed; maps every program failure to `BadInput`. */
export async function runTarget(target: PlanTarget, preview: boolean): Promise<ProgramRun> {
    try {
        return await withoutProcessExit(() =>
            withStdoutOnStderr(() =>
                runProgram({ program: target.programFile, stack: target.stack, config: target.config, preview, timeoutMs: target.timeoutSeconds * 1000 }),
            ),
        );
    } catch (err) {
        if (err instanceof ProgramError) {
            const declared = err.resources.length > 0 ? ` (${err.resources.length} resource(s) declared before it stopped)` : "";
            throw new BadInput(`${oneLine(err.message)}${declared} — ${KIND_HINTS[err.kind] ?? "fix the program"}`);
        }
        throw err;
    }
}
