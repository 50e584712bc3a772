/**
 * `node -r ./harness/ts-register.js <file.ts>`: how Runway's tools load TypeScript — the plan CLI, the test suite
 * (.mocharc.json), the policy analyzer the harness spawns, the benchmarks. ts-node, transpile-only and — when
 * `@swc/core` is installed (a devDependency) — with SWC instead of TypeScript's own transpiler: a cold plan
 * transpiles ~200 TypeScript files, which takes TypeScript ~2.5 s and SWC ~0.1 s. Without `@swc/core` (or with
 * RUNWAY_PLAN_SWC=0) it falls back to TypeScript's transpiler, the same as `-r ts-node/register/transpile-only`.
 * Type checking is `npm run build`'s (and `npm test`'s) job.
 *
 * Plain JavaScript: it runs before any TypeScript can be loaded.
 */
"use strict";
const path = require("path");

function hasSwc() {
    try {
        require.resolve("@swc/core");
        return true;
    } catch {
        return false;
    }
}

require("ts-node").register({
    project: process.env.TS_NODE_PROJECT || path.join(__dirname, "..", "tsconfig.json"),
    transpileOnly: true,
    swc: process.env.RUNWAY_PLAN_SWC !== "0" && hasSwc(),
});
