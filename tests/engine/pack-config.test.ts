/**
 * `--policy-pack-config` through the real CLI: levels, a stage profile, strictUnknowns, a valid waiver, an expired
 * waiver and a waiver of a never-waivable policy give the engine the verdicts the plan gives for the same file.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { engineReady, fixtureProject, mandatoryEvents, mandatoryViolations, planJson, POLICY_PACK, ROOT, waivedEvents, waivedFindings } from "./engine";
import { tempDir } from "../temp";

const ONE_MANDATORY = path.join(ROOT, "tests/plan/fixtures/one-mandatory/index.ts");
const WAIVERS = path.join(ROOT, "tests/fixtures/programs/waivers/index.ts");
const DATA_STORES = path.join(ROOT, "tests/fixtures/programs/data-stores/index.ts");
const QUEUE_WAIVER = { policy: "storage-encrypted-at-rest", resource: "jobs", reason: "a scratch queue that never carries customer data", owner: "team-jobs" };

const CASES: ReadonlyArray<{ label: string; program: string; config: unknown; stackConfig?: Record<string, string>; blocked: boolean; waived: number }> = [
    { label: "a policy lowered to advisory", program: ONE_MANDATORY, config: { "storage-encrypted-at-rest": "advisory", "runway-graph": { "cloudtrail-enabled": { requireTrail: false } } }, blocked: false, waived: 0 },
    { label: "the hero stage profile", program: ONE_MANDATORY, config: { "runway-settings": { stage: "hero" } }, blocked: true, waived: 0 },
    { label: "strictUnknowns in preview", program: WAIVERS, config: { "runway-settings": { strictUnknowns: true } }, blocked: true, waived: -1 },
    { label: "a valid waiver", program: ONE_MANDATORY, config: { "runway-settings": { stage: "hero", waivers: [{ ...QUEUE_WAIVER, expires: "2099-12-31" }] } }, blocked: false, waived: 1 },
    { label: "an expired waiver", program: ONE_MANDATORY, config: { "runway-settings": { stage: "hero", waivers: [{ ...QUEUE_WAIVER, expires: "2020-01-31" }] } }, blocked: true, waived: 0 },
    {
        label: "a waiver of a never-waivable policy",
        program: DATA_STORES,
        stackConfig: { "data-stores:scenario": "igw-explicit" },
        config: { "runway-settings": { stage: "hero", waivers: [{ policy: "no-public-data-stores", resource: "db", reason: "demo", expires: "2099-12-31", owner: "team-db" }] } },
        blocked: true,
        waived: 0,
    },
];

describe("engine: --policy-pack-config through the CLI gives the plan's verdicts", function () {
    before(engineReady);
    const configs = tempDir("pack-configs");

    for (const [index, testCase] of CASES.entries()) {
        it(`${testCase.label}: the same mandatory and waived findings in preview`, async () => {
            const name = path.basename(path.dirname(testCase.program));
            const project = fixtureProject(name, testCase.program);
            project.initStack("dev", testCase.stackConfig ?? {});
            const file = path.join(configs, `config-${index}.json`);
            fs.writeFileSync(file, JSON.stringify(testCase.config));
            const engine = project.operation("preview", "dev", ["--policy-pack", POLICY_PACK, "--policy-pack-config", file]);
            const configArgs = Object.entries(testCase.stackConfig ?? {}).flatMap(([key, value]) => ["--config", `${key}=${value}`]);
            const { code, doc } = await planJson(["--program", path.join(project.dir, "index.ts"), ...configArgs, "--policy-pack-config", file, "--preview"]);
            const context = engine.stdout.slice(-3000);
            assert.strictEqual(engine.code !== 0, testCase.blocked, `engine exit ${engine.code}\n${context}\n${engine.stderr.slice(-1000)}`);
            assert.strictEqual(code, testCase.blocked ? 1 : 0, "plan exit code");
            assert.deepStrictEqual(mandatoryEvents(engine.policies), mandatoryViolations(doc), context);
            assert.deepStrictEqual(waivedEvents(engine.policies), waivedFindings(doc), context);
            if (testCase.waived >= 0) assert.strictEqual(waivedFindings(doc).length, testCase.waived);
        });
    }
});
