/** `npm run plan -- [flags]`: see `plan/args.ts` for the flags and `docs/plan.md` for the contract. */
import { main } from "./main";

main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    progress: process.stderr.isTTY === true,
}).then(
    (code) => {
        process.exitCode = code;
    },
    (err: unknown) => {
        process.stderr.write(`runway plan: internal error: ${String(err)}\n`);
        process.exitCode = 2;
    },
);
