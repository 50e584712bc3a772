/**
 * Type-checks a program the way `pulumi up` does before it runs it (the nodejs runtime's ts-node checks types
 * unless told not to): the program's own files against the real `@pulumi/*` declarations, with the nearest
 * `tsconfig.json`'s compiler options (ts-node's lookup), else ts-node's defaults. Only diagnostics in the
 * program's own files count; declaration files are not checked (`skipLibCheck`).
 *
 * Checking is slow the first time (the `@pulumi/aws` declarations are large), so it runs on a worker thread, in
 * parallel with the mock run; the worker keeps the declaration files it parsed for the next program, and a
 * verdict is remembered across runs until one of its inputs changes (`type-check-cache.ts`).
 * Skipped, as Pulumi skips it: `PULUMI_NODEJS_TRANSPILE_ONLY=true`, or a JavaScript program.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { Worker } from "worker_threads";
import { cachedVerdict, packageManifestOf, rememberVerdict } from "./type-check-cache";

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
    return ts.findConfigFile(path.dirname(programFile), (f) => ts.sys.fileExists(f));
}

/** True for a file inside a `node_modules` folder (TypeScript's file names use `/` on every OS). */
function inNodeModules(fileName: string): boolean {
    return fileName.includes("/node_modules/");
}

/** ts-node's defaults for an ES module package (`"type": "module"`): top-level `await` and ESM imports. */
const ESM_OPTIONS: ts.CompilerOptions = { ...DEFAULT_OPTIONS, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler };

/** True when the nearest package.json up from the program says `"type": "module"`. */
function inEsmPackage(programFile: string): boolean {
    const manifest = packageManifestOf(programFile);
    if (manifest === undefined) return false;
    try {
        return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type === "module";
    } catch {
        return false;
    }
}

function compilerOptions(programFile: string, file: string | undefined): ts.CompilerOptions {
    const defaults = inEsmPackage(programFile) ? ESM_OPTIONS : DEFAULT_OPTIONS;
    if (file === undefined) return defaults;
    const read = ts.readConfigFile(file, (f) => ts.sys.readFile(f));
    if (read.error !== undefined) return defaults;
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
        const cacheable = fileName.endsWith(".d.ts") && inNodeModules(fileName);
        const key = `${typeof languageVersion === "object" ? languageVersion.languageVersion : languageVersion}:${fileName}`;
        const cached = cacheable ? declarationCache.get(key) : undefined;
        if (cached !== undefined) return cached;
        const file = getSourceFile(fileName, languageVersion, onError, shouldCreate);
        if (cacheable && file !== undefined) declarationCache.set(key, file);
        return file;
    };
    return host;
}

/** A check's verdict (undefined: it type-checks) and the files it rests on. */
export interface TypeCheckResult {
    error?: ProgramTypeError;
    inputs: string[];
}

/** Checks the program on this thread. */
export function typeCheckNow(programFile: string): TypeCheckResult {
    const tsconfig = findTsconfig(programFile);
    const options: ts.CompilerOptions = { ...compilerOptions(programFile, tsconfig), noEmit: true, skipLibCheck: true, incremental: false, composite: false };
    const program = ts.createProgram({ rootNames: [programFile], options, host: cachingHost(options) });
    const own = (file: ts.SourceFile | undefined): boolean => file !== undefined && !file.isDeclarationFile && !inNodeModules(file.fileName);
    const files = program.getSourceFiles().filter((f) => !program.isSourceFileDefaultLibrary(f));
    const manifests = new Set(files.filter((f) => !own(f)).map((f) => packageManifestOf(path.resolve(f.fileName))).filter((m): m is string => m !== undefined));
    const inputs = [...files.filter(own).map((f) => path.resolve(f.fileName)), ...manifests, ...(tsconfig ? [tsconfig] : [])];
    const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()].filter((d) => own(d.file) && d.category === ts.DiagnosticCategory.Error);
    const first = diagnostics[0];
    if (first === undefined || first.file === undefined) return { inputs };
    return { error: describe(first, first.file, diagnostics.length), inputs };
}

function describe(first: ts.Diagnostic, file: ts.SourceFile, count: number): ProgramTypeError {
    const { line, character } = file.getLineAndCharacterOfPosition(first.start ?? 0);
    return {
        file: path.resolve(file.fileName),
        line: line + 1,
        column: character + 1,
        message: `TS${first.code}: ${ts.flattenDiagnosticMessageText(first.messageText, " ")}`,
        count,
    };
}

interface Reply {
    id: number;
    result?: TypeCheckResult;
    failure?: string;
}

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (result: TypeCheckResult) => void; reject: (err: Error) => void }>();

/** The worker: this module, loaded through Runway's TypeScript hook (by absolute path: the run changes folder). */
function startWorker(): Worker {
    const register = path.join(__dirname, "ts-register.js");
    const source = `
const { parentPort } = require("worker_threads");
const { typeCheckNow } = require(${JSON.stringify(__filename)});
parentPort.on("message", ({ id, file }) => {
    try { parentPort.postMessage({ id, result: typeCheckNow(file) }); }
    catch (err) { parentPort.postMessage({ id, failure: String(err && err.stack || err) }); }
});`;
    const started = new Worker(source, { eval: true, execArgv: ["-r", register] });
    started.unref();
    started.on("message", (reply: Reply) => {
        const entry = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (waiting.size === 0) started.unref();
        if (reply.result !== undefined) entry?.resolve(reply.result);
        else entry?.reject(new Error(`type check failed: ${reply.failure ?? "no result"}`));
    });
    started.on("error", (err) => {
        worker = undefined;
        for (const entry of waiting.values()) entry.reject(err);
        waiting.clear();
    });
    return started;
}

/**
 * Type-checks `programFile` on the checking thread, unless an earlier run's verdict still holds
 * (`type-check-cache.ts`); undefined when it type-checks (or Pulumi would not check).
 */
export async function typeCheck(programFile: string): Promise<ProgramTypeError | undefined> {
    if (typeCheckSkipped(programFile)) return undefined;
    const cached = cachedVerdict(programFile);
    if (cached !== undefined) return cached ?? undefined;
    worker ??= startWorker();
    const id = nextId++;
    const running = worker;
    running.ref();
    const result = await new Promise<TypeCheckResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        running.postMessage({ id, file: programFile });
    });
    rememberVerdict(programFile, result.inputs, result.error);
    return result.error;
}
