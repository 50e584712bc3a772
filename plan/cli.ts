/**
 * `npm run plan -- [flags]`: see `plan/args.ts` for the flags and `docs/plan.md` for the contract.
 *
 * The process is the plan's alone: stdout carries the report and nothing else (whatever else writes to it — the
 * program, Pulumi, a timer the program left behind — goes to stderr), and the process ends once the report is
 * written, even when the program left timers or sockets open.
 */
import { main } from "./main";

const writeStdout = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

/** Ends the process once stdout and stderr have taken everything written so far. */
function exit(code: number): void {
    process.exitCode = code;
    writeStdout("", () => process.stderr.write("", () => process.exit(code)));
}

main(process.argv.slice(2), {
    stdout: (text) => writeStdout(text),
    stderr: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY === true,
}).then(exit, (err: unknown) => {
    process.stderr.write(`runway plan: internal error: ${String(err)}\n`);
    exit(2);
});
