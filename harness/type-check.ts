/**
 * Type-checks a program the way `pulumi up` does before it runs it (the nodejs runtime's ts-node checks types
 * unless told not to): the program's own files against the real `@pulumi/*` declarations, with the nearest
 * `tsconfig.json`'s compiler options (ts-node's lookup), else ts-node's defaults. Only diagnostics in the
 * program's own files count; declaration files are not checked (`skipLibCheck`).
 *
 * Checking is slow the first time (the `@pulumi/aws` declarations are large), so it runs on a worker thread, in
 * parallel with the mock run, and the worker keeps the declaration files it parsed for the next program.
 * Skipped, as Pulumi skips it: `PULUMI_NODEJS_TRANSPILE_ONLY=true`, or a JavaScript program.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { Worker } from "worker_threads";

/** The first type error of a program, as `file:line:column` and TypeScript's message. */
export interface ProgramTypeError {
    /** The file, absolute. */
    file: string;
    line: number;
    column: number;
    /** `TS2322: Type 'string' is not assignable to type 'number'.` */
    message: string;
    /** How many diagnostics the program has in all. */
    count: number;
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    resolveJsonModule: true,
};

/** The nearest `tsconfig.json` up from the program's folder (ts-node's search), or undefined. */
function findTsconfig(programFile: string): string | undefined {
    for (let dir = path.dirname(programFile); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, "tsconfig.json");
        if (fs.existsSync(candidate)) return candidate;
        if (path.dirname(dir) === dir) return undefined;
    }
}

function compilerOptions(programFile: string): ts.CompilerOptions {
    const file = findTsconfig(programFile);
    if (file === undefined) return DEFAULT_OPTIONS;
    const read = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
    if (read.error !== undefined) return DEFAULT_OPTIONS;
    const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file));
    return parsed.options;
}

/** True when Pulumi would run the program without checking its types. */
export function typeCheckSkipped(programFile: string): boolean {
    return !/\.(ts|mts|cts)$/.test(programFile) || /^(1|true)$/i.test(process.env.PULUMI_NODEJS_TRANSPILE_ONLY ?? "");
}

/** Source files of declarations (`node_modules`, the TypeScript lib), parsed once per thread. */
const declarationCache = new Map<string, ts.SourceFile>();

function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
    const host = ts.createCompilerHost(options, true);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
        const cacheable = fileName.endsWith(".d.ts") && (fileName.includes(`${path.sep}node_modules${path.sep}`) || fileName.includes("/node_modules/"));
        const key = `${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}:${fileName}`;
        const cached = cacheable ? declarationCache.get(key) : undefined;
        if (cached !== undefined) return cached;
        const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (cacheable && file !== undefined) declarationCache.set(key, file);
        return file;
    };
    return host;
}

/** Checks the program on this thread; undefined when it type-checks. */
export function typeCheckNow(programFile: string): ProgramTypeError | undefined {
    const options: ts.CompilerOptions = { ...compilerOptions(programFile), noEmit: true, skipLibCheck: true, incremental: false, composite: false };
    const program = ts.createProgram({ rootNames: [programFile], options, host: cachingHost(options) });
    const own = (file: ts.SourceFile | undefined): boolean => file !== undefined && !file.isDeclarationFile && !file.fileName.includes("/node_modules/");
    const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()].filter((d) => own(d.file) && d.category === ts.DiagnosticCategory.Error);
    const first = diagnostics[0];
    if (first === undefined || first.file === undefined) return undefined;
    const { line, character } = first.file.getLineAndCharacterOfPosition(first.start ?? 0);
    return {
        file: path.resolve(first.file.fileName),
        line: line + 1,
        column: character + 1,
        message: `TS${first.code}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`,
        count: diagnostics.length,
    };
}

interface Reply {
    id: number;
    error?: ProgramTypeError;
    failure?: string;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (error: ProgramTypeError | undefined) => void; reject: (err: Error) => void }>();

/** The worker: this module, loaded through Runway's TypeScript hook (by absolute path: the run changes folder). */
function startWorker(): Worker {
    const register = path.join(__dirname, "ts-register.js");
    const source = `
const { parentPort } = require("worker_threads");
const { typeCheckNow } = require(${JSON.stringify(__filename)});
parentPort.on("message", ({ id, file }) => {
    try { parentPort.postMessage({ id, error: typeCheckNow(file) }); }
    catch (err) { parentPort.postMessage({ id, failure: String(err && err.stack || err) }); }
});`;
    const started = new Worker(source, { eval: true, execArgv: ["-r", register] });
    started.unref();
    started.on("message", (reply: Reply) => {
        const entry = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (waiting.size === 0) started.unref();
        if (reply.failure !== undefined) entry?.reject(new Error(`type check failed: ${reply.failure}`));
        else entry?.resolve(reply.error);
    });
    started.on("error", (err) => {
        worker = undefined;
        for (const entry of waiting.values()) entry.reject(err);
        waiting.clear();
    });
    return started;
}

/** Type-checks `programFile` on the checking thread; undefined when it type-checks (or Pulumi would not check). */
export function typeCheck(programFile: string): Promise<ProgramTypeError | undefined> {
    if (typeCheckSkipped(programFile)) return Promise.resolve(undefined);
    worker ??= startWorker();
    const id = nextId++;
    const running = worker;
    running.ref();
    return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        running.postMessage({ id, file: programFile });
    });
}
