/**
 * Paths in reports are relative, so a plan made on a laptop and one made in CI name the same files: relative to
 * the git repository holding the program (what GitHub code scanning expects), else to the program's folder.
 */
import * as fs from "fs";
import * as path from "path";

/** Runway's repository root (this file lives in `<root>/plan/`). */
export const RUNWAY_ROOT = path.resolve(__dirname, "..");

/** Runway's own program. */
export const RUNWAY_PROGRAM = path.join(RUNWAY_ROOT, "index.ts");

/** The folder paths in the report are relative to, for a program file. */
export function sourceRoot(programFile: string): string {
    const folder = path.dirname(path.resolve(programFile));
    for (let dir = folder; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, ".git"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return folder;
        }
    }
}

/** `file` relative to `root`, with forward slashes on every OS. */
export function relativePath(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join("/");
}
