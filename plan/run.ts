/** Runs the target program under the mock runtime; a program that cannot run is bad input (exit 2). */
import { ProgramError, runProgram, type ProgramRun } from "../harness";
import { typeCheck, type ProgramTypeError } from "../harness/type-check";
import { BadInput } from "./errors";
import { relativePath } from "./paths";
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

/** What `pulumi up` would print for a program that does not type-check: the first diagnostic, file:line. */
function typeErrorInput(target: PlanTarget, error: ProgramTypeError): BadInput {
    const more = error.count > 1 ? ` (+${error.count - 1} more)` : "";
    return new BadInput(`the program does not type-check, so pulumi up would refuse it: ${relativePath(target.root, error.file)}:${error.line}:${error.column} ${error.message}${more}`);
}

/**
 * Runs the program with stdout kept clean and `process.exit` disarmed, while its types are checked on another
 * thread (`--program` only: Runway's own program is checked by `npm run build`); maps every program failure, and
 * a type error, to `BadInput`.
 */
export async function runTarget(target: PlanTarget, preview: boolean): Promise<ProgramRun> {
    const checked = target.own ? Promise.resolve(undefined) : typeCheck(target.programFile);
    checked.catch(() => undefined);
    let run: ProgramRun;
    try {
        run = await withoutProcessExit(() =>
            withStdoutOnStderr(() =>
                runProgram({ program: target.programFile, stack: target.stack, config: target.config, preview, timeoutMs: target.timeoutSeconds * 1000 }),
            ),
        );
    } catch (err) {
        const typeError = err instanceof ProgramError && err.kind !== "timeout" ? await checked.catch(() => undefined) : undefined;
        if (typeError !== undefined) throw typeErrorInput(target, typeError);
        if (err instanceof ProgramError) {
            const declared = err.resources.length > 0 ? ` (${err.resources.length} resource(s) declared before it stopped)` : "";
            throw new BadInput(`${oneLine(err.message)}${declared} — ${KIND_HINTS[err.kind] ?? "fix the program"}`);
        }
        throw err;
    }
    const typeError = await checked;
    if (typeError !== undefined) throw typeErrorInput(target, typeError);
    return run;
}
