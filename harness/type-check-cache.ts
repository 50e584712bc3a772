/**
 * Remembers type-check verdicts across runs: an entry holds the verdict and a hash of every input it rests on (the
 * program's own files, the tsconfig, the `package.json` of each declaration package it read, TypeScript's
 * version), so an unchanged program is not checked twice and any change to those inputs checks it again.
 * Stored under `$RUNWAY_CACHE` or `~/.cache/runway/type-check/`; a cache that cannot be read or written is ignored.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import type { ProgramTypeError } from "./type-check";

interface Entry {
    inputs: Record<string, string>;
    error: ProgramTypeError | null;
}

function cacheDir(): string {
    return path.join(process.env.RUNWAY_CACHE ?? path.join(os.homedir(), ".cache", "runway"), "type-check");
}

function hashOf(file: string): string | undefined {
    try {
        return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    } catch {
        return undefined;
    }
}

function entryFile(programFile: string): string {
    return path.join(cacheDir(), `${createHash("sha256").update(`${ts.version}\0${path.resolve(programFile)}`).digest("hex").slice(0, 32)}.json`);
}

/** The remembered verdict (null: it type-checks), or undefined when there is none or an input changed. */
export function cachedVerdict(programFile: string): ProgramTypeError | null | undefined {
    let entry: Entry;
    try {
        entry = JSON.parse(fs.readFileSync(entryFile(programFile), "utf8")) as Entry;
    } catch {
        return undefined;
    }
    const unchanged = Object.entries(entry.inputs).every(([file, hash]) => hashOf(file) === hash);
    return unchanged ? entry.error : undefined;
}

/** Remembers a verdict and the files it rests on. */
export function rememberVerdict(programFile: string, inputs: readonly string[], error: ProgramTypeError | undefined): void {
    const hashes: Record<string, string> = {};
    for (const file of inputs) {
        const hash = hashOf(file);
        if (hash === undefined) return;
        hashes[file] = hash;
    }
    try {
        fs.mkdirSync(cacheDir(), { recursive: true });
        const target = entryFile(programFile);
        const temp = `${target}.${process.pid}.tmp`;
        fs.writeFileSync(temp, JSON.stringify({ inputs: hashes, error: error ?? null } satisfies Entry));
        fs.renameSync(temp, target);
    } catch {
        // A cache that cannot be written only costs the next run its time.
    }
}

/** The package.json of the package a file belongs to (the nearest one up, not past a `node_modules` folder). */
export function packageManifestOf(file: string): string | undefined {
    for (let dir = path.dirname(file); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) return manifest;
        if (path.basename(dir) === "node_modules") return undefined;
    }
    return undefined;
}
