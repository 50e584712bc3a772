/** Runs the plan in-process (fast) or as the real CLI (slow: for the stdout/exit-code contract only). */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { main, type PlanDeps } from "../../plan/main";
import { samplePack } from "./fixtures/sample-pack";

export const ROOT = path.resolve(__dirname, "../..");
export const FIXTURES = path.join(__dirname, "fixtures");
export const REAL_WORLD = path.join(ROOT, "tests/fixtures/real-world");
export const SMOKE = path.join(ROOT, "tests/fixtures/programs/smoke/index.ts");
export const VIOLATING = path.join(FIXTURES, "violating/index.ts");

export interface PlanResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** `npm run plan -- <argv>` in-process, with the sample pack unless `deps` says otherwise. */
export async function plan(argv: string[], deps: PlanDeps = { pack: samplePack }): Promise<PlanResult> {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, deps);
    return { code, stdout, stderr };
}

/** Bad input: exit 2, one clear message on stderr, nothing on stdout. */
export async function rejects(argv: string[], message: RegExp, deps?: PlanDeps): Promise<void> {
    const result = await plan(argv, deps);
    assert.strictEqual(result.code, 2, `exit code for ${argv.join(" ")}: ${result.stderr}`);
    assert.strictEqual(result.stdout, "", "no partial output");
    assert.strictEqual(result.stderr.trim().split("\n").length, 1, `one line on stderr: ${result.stderr}`);
    assert.match(result.stderr, /^runway plan: /);
    assert.match(result.stderr, message);
    assert.doesNotMatch(result.stderr, /internal error/);
}

/** The real CLI as a child process, as `npm run plan` starts it (what CI and other tools run). */
export function spawnPlan(argv: string[], env: NodeJS.ProcessEnv = {}): PlanResult {
    const result = spawnSync(process.execPath, ["-r", path.join(ROOT, "harness/ts-register.js"), path.join(ROOT, "plan/cli.ts"), ...argv], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, ...env },
        timeout: 120_000,
        maxBuffer: 256 * 2 ** 20,
    });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `npm run -s plan -- <argv>` from Runway's root, verbatim as the docs show it: the script's relative
 * `-r ./harness/ts-register.js` and all (what a user's shell runs).
 */
export function npmRunPlan(argv: string[], timeoutMs = 60_000, env: NodeJS.ProcessEnv = process.env): PlanResult & { timedOut: boolean } {
    const result = spawnSync("npm", ["run", "-s", "plan", "--", ...argv], { cwd: ROOT, encoding: "utf8", env, timeout: timeoutMs, killSignal: "SIGKILL", maxBuffer: 256 * 2 ** 20 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined || result.signal !== null };
}
