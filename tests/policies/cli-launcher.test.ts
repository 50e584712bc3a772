/**
 * The pack as the Pulumi CLI starts it: `pulumi preview --policy-pack policies` runs the `pulumi-analyzer-policy`
 * plugin, which is `node @pulumi/pulumi/cmd/run-policy-pack <engine> .` in the pack's folder. That launcher
 * registers ts-node with type checking and requires the folder, that is, package.json's `main`: the compiled pack
 * (`policies/bin/`, built by `npm ci` and `npm test`). Here the real launcher serves it, and its answers must equal
 * those of the TypeScript sources served directly (the path every other gRPC test takes).
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { analyzeOverGrpc, runProgram, type PolicyDiagnostic } from "../../harness";

const PACK = path.join(__dirname, "../../policies");
/** The model of a declared resource, compiled into the pack beside it (`bin/model/`). */
const MODEL = path.join(__dirname, "../../model");
const PROGRAM = path.join(__dirname, "../fixtures/programs/waivers/index.ts");
const NOW = { "runway-settings": { now: "2026-01-15" } };

const sorted = (ds: PolicyDiagnostic[]) => ds.map((d) => JSON.stringify(d)).sort();

/** Every `.ts` source of the pack whose compiled `.js` in `bin/` is missing or older. */
function staleOutputs(): string[] {
    const stale: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "bin" && entry.name !== "node_modules") walk(file);
            } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) {
                const out = path.join(PACK, "bin", path.relative(path.dirname(PACK), file).replace(/\.ts$/, ".js"));
                if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < fs.statSync(file).mtimeMs) stale.push(path.relative(PACK, file));
            }
        }
    };
    walk(PACK);
    walk(MODEL);
    return stale;
}

describe("the pack under the Pulumi CLI's own launcher (run-policy-pack, package.json main)", function () {
    this.timeout(120_000);

    it("package.json's main is the compiled entry, built from the current sources", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(PACK, "package.json"), "utf8")) as { main: string; files: string[] };
        assert.equal(manifest.main, "bin/policies/index.js");
        assert.ok(manifest.files.includes("bin/"), "a published pack (npm pack) carries the compiled entry");
        assert.deepEqual(staleOutputs(), [], "policies/bin is older than its sources: run `npm run build` (npm test does)");
    });

    it("answers exactly as the TypeScript entry does, in preview and update", async () => {
        for (const preview of [true, false]) {
            const run = await runProgram({ program: PROGRAM, preview });
            const viaLauncher = await analyzeOverGrpc(run, { packDir: PACK, launcher: true, config: NOW, timeoutMs: 60_000 });
            const direct = await analyzeOverGrpc(run, { packDir: PACK, config: NOW });
            assert.ok(viaLauncher.length > 10, `the fixture has findings (${viaLauncher.length})`);
            assert.deepEqual(sorted(viaLauncher), sorted(direct));
        }
    });
});
