/**
 * Where the plan writes files: the report (`--out`) and the text report's mermaid diagram. A path that cannot be
 * written — a directory, a path below a regular file, a read-only or full disk — is bad input, said in one line.
 */
import * as fs from "fs";
import * as path from "path";
import { findProjectFile } from "../harness";
import { BadInput } from "./errors";
import { RUNWAY_ROOT } from "./paths";

/** Checks `--out` before anything runs: not a directory, and no regular file where its folders must be. */
export function checkOutPath(out: string): void {
    const file = path.resolve(out);
    if (out.endsWith("/") || out.endsWith(path.sep) || (fs.existsSync(file) && fs.statSync(file).isDirectory())) {
        throw new BadInput(`--out ${out} is a directory: give a file path (e.g. --out ${path.join(out, "plan.md")})`);
    }
    for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        if (fs.existsSync(dir)) {
            if (!fs.statSync(dir).isDirectory()) throw new BadInput(`cannot write --out ${out}: ${dir} is not a directory`);
            break;
        }
    }
}

/**
 * Writes `text` to `file` (its folder made); a failure is bad input naming `what` — how the user knows the file
 * (`--out plan.json`, `the diagram plan-out/dev-hero.mmd`).
 */
export function writeOutput(file: string, text: string, what: string): void {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    } catch (err) {
        const reason = err instanceof Error ? err.message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "") : String(err);
        throw new BadInput(`cannot write ${what}: ${reason}`);
    }
}

/**
 * The text report's diagram file: beside `--out` (its name with `.mmd`), else `plan-out/<stack>-<stage>.mmd` in
 * the program's project folder — Runway's own for Runway's program, never Runway's for someone else's.
 */
export function diagramPath(out: string | undefined, programFile: string, own: boolean, stack: string, stage: string): string {
    if (out !== undefined) {
        const parsed = path.parse(path.resolve(out));
        return path.join(parsed.dir, `${parsed.name || parsed.base}.mmd`);
    }
    const projectFile = own ? undefined : findProjectFile(programFile);
    const folder = own ? RUNWAY_ROOT : path.dirname(projectFile ?? programFile);
    return path.join(folder, "plan-out", `${stack}-${stage}.mmd`);
}
