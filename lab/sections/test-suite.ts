/** The test suite (`npm test`), timed once. */
import { spawnSync } from "child_process";
import { fmtMs, log, num } from "../format";
import { ROOT } from "../packs";

/** `npm test` once: its wall time and exit code. */
export function testSuiteTime(): { ms: number | null; exitCode: number | null } {
    log("  npm test (once)…");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const started = process.hrtime.bigint();
    const child = spawnSync(npm, ["test", "--silent"], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 15 * 60_000 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const passing = /(\d+) passing/.exec(child.stdout ?? "");
    const failing = /(\d+) failing/.exec(child.stdout ?? "");
    log(`    ${fmtMs(ms)}, exit ${child.status}${passing ? `, ${passing[1]} passing` : ""}${failing ? `, ${failing[1]} failing` : ""}`);
    return { ms: num(ms), exitCode: child.status };
}
