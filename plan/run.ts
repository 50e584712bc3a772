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

/** Runs the program with stdout kept clean; maps every program failure to `BadInput`. */
export async function runTarget(target: PlanTarget, preview: boolean): Promise<ProgramRun> {
    try {
        return await withStdoutOnStderr(() =>
            runProgram({ program: target.programFile, stack: target.stack, config: target.config, preview, timeoutMs: target.timeoutSeconds * 1000 }),
        );
    } catch (err) {
        if (err instanceof ProgramError) {
            const declared = err.resources.length > 0 ? ` (${err.resources.length} resource(s) declared before it stopped)` : "";
            throw new BadInput(`${err.message}${declared} — ${KIND_HINTS[err.kind] ?? "fix the program"}`);
        }
        throw err;
    }
}
