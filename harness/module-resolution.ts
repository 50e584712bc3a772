/**
 * Lets programs written with ESM-style relative imports (`import { x } from "./x.js"` for `./x.ts`) load under
 * ts-node's CommonJS mode, as `tsc` with `moduleResolution: node16` would resolve them.
 */
import Module = require("module");

interface ResolvableModule {
    _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
}

let installed = false;

/** Installs the `.js` → `.ts` fallback once per process. */
export function installEsmStyleResolution(): void {
    if (installed) {
        return;
    }
    installed = true;
    const resolvable = Module as unknown as ResolvableModule;
    const original = resolvable._resolveFilename.bind(Module);
    resolvable._resolveFilename = (request, parent, isMain, options) => {
        try {
            return original(request, parent, isMain, options);
        } catch (err) {
            if (request.startsWith(".") && /\.(c|m)?js$/.test(request)) {
                return original(request.replace(/\.(c|m)?js$/, ".ts"), parent, isMain, options);
            }
            throw err;
        }
    };
}
