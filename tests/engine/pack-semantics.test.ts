/**
 * The CrossGuard behaviours the harness's in-process `evaluatePack` imitates, against the real engine: an unknown
 * read through the server's proxy in preview, `notApplicable`, levels from `--policy-pack-config` (lowered, disabled,
 * remediate), and stack-policy reports with and without a URN. The same pack (tests/engine/fixtures/semantics-pack)
 * and config, on the same program: the engine's policy events equal evaluatePack's diagnostics, policy by policy.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { evaluatePack, runProgram, type PolicyDiagnostic } from "../../harness";
import { engineReady, fixtureProject, packFolder, ROOT, type PolicyEvent } from "./engine";
import { semanticsConfig, semanticsPolicies } from "./fixtures/semantics-pack/policies";

const PROGRAM = path.join(ROOT, "tests/fixtures/programs/semantics/index.ts");

/** policy, level, URN (or "stack") and whether the analyzer said it could not run the policy in preview. */
function key(policy: string, level: string, urn: string | undefined, message: string): string {
    return `${policy} ${level} ${urn ?? "stack"}${/can't run policy/.test(message) ? " (not run in preview)" : ""}`;
}
const fromEngine = (events: PolicyEvent[]) => events.map((e) => key(e.policyName, e.enforcementLevel, e.resourceUrn || undefined, e.message)).sort();
const fromHarness = (ds: PolicyDiagnostic[]) => ds.map((d) => key(d.policyName, d.enforcementLevel, d.urn, d.message)).sort();

describe("engine: CrossGuard semantics the harness imitates", function () {
    before(engineReady);

    for (const preview of [true, false]) {
        it(`${preview ? "preview" : "up"}: unknowns, notApplicable, config levels and stack reports equal evaluatePack's`, async () => {
            const project = fixtureProject("semantics", PROGRAM);
            project.initStack("dev");
            const configFile = path.join(project.home, "pack-config.json");
            fs.writeFileSync(configFile, JSON.stringify(semanticsConfig));
            const engine = project.operation(preview ? "preview" : "up", "dev", ["--policy-pack", packFolder("semantics-pack"), "--policy-pack-config", configFile]);
            const run = await runProgram({ program: path.join(project.dir, "index.ts"), stack: "dev", preview });
            const harness = await evaluatePack(run, { name: "semantics", version: "1.0.0", policies: semanticsPolicies }, { config: semanticsConfig });
            const seen = fromEngine(engine.policies);
            const context = `${engine.stdout.slice(-3000)}\n${engine.stderr.slice(-2000)}`;
            if (preview) {
                assert.deepStrictEqual(seen, fromHarness(harness), context);
            } else {
                // `pulumi up` stops at the first resource a mandatory policy fails (stack policies then never run):
                // what it reports is part of what evaluatePack, which evaluates everything, reports.
                const expected = new Set(fromHarness(harness));
                assert.deepStrictEqual(seen.filter((k) => !expected.has(k)), [], context);
                assert.ok(seen.some((k) => k.includes(" mandatory ")), context);
            }
            assert.ok(!seen.some((k) => k.startsWith("switched-off ")), "a disabled policy does not run");
            if (preview) {
                assert.ok(seen.some((k) => k.startsWith("lowered advisory ")), "pack config lowers a level");
                assert.ok(seen.some((k) => k.startsWith("remediated mandatory ")), "remediate reports as mandatory");
                assert.ok(seen.some((k) => k.endsWith("(not run in preview)")), "an unknown read through the proxy stops the policy in preview");
                assert.ok(seen.some((k) => k.startsWith("stack-reports advisory ") && k.includes("pulumi:pulumi:Stack")), "a stack report without a URN is the stack's");
            }
        });
    }
});
