/**
 * Lets TypeScript programs that live in an ESM package (`"type": "module"` in the nearest package.json) run under
 * the harness's CommonJS loader: ts-node refuses to `require` them, so such files are transpiled to CommonJS here
 * (with an inline source map, so declared resources still point at the right `.ts` line). A module with top-level
 * `await` becomes a module whose exports are a promise, which the harness awaits for the program's entry file.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import Module = require("module");

interface CompilableModule {
    _compile(code: string, filename: string): unknown;
    exports: unknown;
}
type ExtensionHandler = (module: CompilableModule, filename: string) => void;
interface ModuleInternals {
    _extensions: Record<string, ExtensionHandler>;
}
interface SourceMapSupport {
    install(options: { retrieveFile?: (file: string) => string | null; environment?: string; handleUncaughtExceptions?: boolean }): void;
}

const compiled = new Map<string, string>();
const packageTypes = new Map<string, boolean>();
let installed = false;

/** True when `file`'s nearest package.json says `"type": "module"` (files under node_modules are left alone). */
export function inModulePackage(file: string): boolean {
    if (file.includes(`${path.sep}node_modules${path.sep}`)) {
        return false;
    }
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
        const known = packageTypes.get(dir);
        if (known !== undefined) return known;
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            let isModule = false;
            try {
                const parsed: unknown = JSON.parse(fs.readFileSync(manifest, "utf8"));
                isModule = typeof parsed === "object" && parsed !== null && (parsed as { type?: unknown }).type === "module";
            } catch {
                isModule = false;
            }
            packageTypes.set(dir, isModule);
            return isModule;
        }
        if (path.dirname(dir) === dir) return false;
    }
}

/** True when the source has an `await` outside any function (top-level await). */
function hasTopLevelAwait(source: ts.SourceFile): boolean {
    let found = false;
    const visit = (node: ts.Node): void => {
        if (found || ts.isFunctionLike(node) || ts.isClassLike(node)) return;
        if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier !== undefined)) {
            found = true;
            return;
        }
        ts.forEachChild(node, visit);
    };
    ts.forEachChild(source, visit);
    return found;
}

/** Transpiles an ESM TypeScript file to CommonJS (no type checking, as ts-node's transpile-only mode). */
export function transpileEsmFile(file: string, text: string): string {
    const result = ts.transpileModule(text, {
        fileName: file,
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, inlineSourceMap: true, inlineSources: true },
        reportDiagnostics: true,
    });
    const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
        const first = errors[0];
        const where = first.file && first.start !== undefined ? first.file.getLineAndCharacterOfPosition(first.start) : undefined;
        throw new SyntaxError(`${file}${where ? `:${where.line + 1}:${where.character + 1}` : ""}: ${ts.flattenDiagnosticMessageText(first.messageText, "\n")}`);
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    if (!hasTopLevelAwait(source)) {
        return result.outputText;
    }
    // Same first line, so the source map still lines up: the body runs in an async function, exports are awaited.
    return `const __runwayExports = exports; module.exports = (async function __runwayEsmModule() { ${result.outputText}\nreturn __runwayExports; })();`;
}

/** Installs the `.ts` handler for ESM packages once per process (after ts-node registered its own). */
export function installEsmPackageSupport(): void {
    if (installed) return;
    installed = true;
    const internals = Module as unknown as ModuleInternals;
    const previous = internals._extensions[".ts"];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sourceMaps = require("@cspotcode/source-map-support") as SourceMapSupport;
    sourceMaps.install({ environment: "node", handleUncaughtExceptions: false, retrieveFile: (file) => compiled.get(file.replace(/^file:\/\//, "")) ?? null });
    internals._extensions[".ts"] = (module, filename) => {
        if (!previous || inModulePackage(filename)) {
            const output = transpileEsmFile(filename, fs.readFileSync(filename, "utf8"));
            compiled.set(filename, output);
            module._compile(output, filename);
            return;
        }
        previous(module, filename);
    };
}
