/**
 * Pulumi projects are folders. This module finds a project's program the way `pulumi up` does, and a program's
 * project the way a user expects:
 *
 * - a folder: its `Pulumi.yaml` `main` (a file, or a folder resolved the same way), else its `package.json`
 *   `main`, else `index.ts` (then `index.js`);
 * - a file: the `Pulumi.yaml` beside it; else the nearest one walking up whose program is that file (or whose
 *   program does not exist, so the file is the only candidate). A `Pulumi.yaml` further up that runs another file
 *   is someone else's project: a fixture inside a repository does not inherit the repository's project and config.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { isRecord } from "../model/wire";

export const PROJECT_FILE = "Pulumi.yaml";

/** A path that cannot be a program, with what was looked for. */
export class ProgramNotFound extends Error {
    override readonly name = "ProgramNotFound";
}

const INDEX_FILES = ["index.ts", "index.js", "index.mts", "index.mjs", "index.cts", "index.cjs"];

function isFile(file: string): boolean {
    return fs.existsSync(file) && fs.statSync(file).isFile();
}

function isDirectory(dir: string): boolean {
    return fs.existsSync(dir) && fs.statSync(dir).isDirectory();
}

/** A string field of a YAML or JSON file, or undefined when the file or the field is missing or unreadable. */
function fieldOf(file: string, field: string, parse: (text: string) => unknown): string | undefined {
    if (!isFile(file)) return undefined;
    try {
        const doc = parse(fs.readFileSync(file, "utf8"));
        const value = isRecord(doc) ? doc[field] : undefined;
        return typeof value === "string" && value.trim() !== "" ? value : undefined;
    } catch {
        return undefined;
    }
}

/** `main:` of a project file. */
export function projectMain(projectFile: string): string | undefined {
    return fieldOf(projectFile, "main", (text) => yaml.load(text));
}

/** A folder's entry file as Node resolves a folder: `package.json` `main` (with or without extension), else `index.*`. */
function folderEntry(dir: string): string | undefined {
    const main = fieldOf(path.join(dir, "package.json"), "main", (text) => JSON.parse(text) as unknown);
    if (main !== undefined) {
        const base = path.resolve(dir, main);
        const withTs = base.replace(/\.js$/, ".ts");
        for (const candidate of [base, withTs, `${base}.ts`, `${base}.js`]) {
            if (isFile(candidate)) return candidate;
        }
        if (isDirectory(base)) return folderEntry(base);
    }
    return INDEX_FILES.map((f) => path.join(dir, f)).find(isFile);
}

/** The program a project folder runs, or undefined when there is none. */
export function projectEntry(projectDir: string): string | undefined {
    const main = projectMain(path.join(projectDir, PROJECT_FILE));
    if (main === undefined) return folderEntry(projectDir);
    const target = path.resolve(projectDir, main);
    if (isFile(target)) return target;
    if (isDirectory(target)) return folderEntry(target);
    return undefined;
}

/** The program file `arg` names: a file as given, or a folder's entry. Throws `ProgramNotFound`. */
export function resolveProgramPath(arg: string): string {
    const resolved = path.resolve(arg);
    if (isFile(resolved)) return resolved;
    if (!isDirectory(resolved)) {
        throw new ProgramNotFound(`${resolved} does not exist (give a Pulumi project folder or its program file, e.g. --program infra/ or --program infra/index.ts)`);
    }
    const entry = projectEntry(resolved);
    if (entry === undefined) {
        const main = projectMain(path.join(resolved, PROJECT_FILE));
        const looked = main !== undefined ? `${PROJECT_FILE} main: ${main}` : `package.json main or ${INDEX_FILES.slice(0, 2).join("/")}`;
        throw new ProgramNotFound(`${resolved} is a folder with no program in it (looked for ${looked})`);
    }
    return entry;
}

/** The `Pulumi.yaml` of the project whose program is `programFile`, or undefined (see the module comment). */
export function findProjectFile(programFile: string): string | undefined {
    const file = path.resolve(programFile);
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, PROJECT_FILE);
        if (isFile(candidate)) {
            if (dir === path.dirname(file)) return candidate;
            const entry = projectEntry(dir);
            if (entry === undefined || entry === file) return candidate;
        }
        if (path.dirname(dir) === dir) return undefined;
    }
}
