/**
 * `npm run --silent engine -- <pulumi args>`: the real Pulumi CLI, offline, against Runway's stand-in providers.
 * Stdout, stderr and the exit code are pulumi's; any project works with `-C <dir>`.
 */
import { spawn } from "child_process";
import { ensureEngine } from "./install";
import { engineEnv } from "./home";

function main(): void {
    let binDir: string;
    try {
        binDir = ensureEngine().dir;
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
    }
    const child = spawn("pulumi", process.argv.slice(2), { stdio: "inherit", env: engineEnv(binDir) });
    const forward = (signal: NodeJS.Signals): void => {
        child.kill(signal);
    };
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", (error) => {
        process.stderr.write(`engine: could not start pulumi: ${error.message}\n`);
        process.exit(1);
    });
    child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

main();
