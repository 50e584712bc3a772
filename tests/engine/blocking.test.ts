/**
 * What blocks under the real engine blocks in the plan, finding for finding: every block and pass fixture, and a
 * broken variant of each stage, in preview mode (`pulumi preview`) and in update mode (`pulumi up`).
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { copyRunway, engineReady, fixtureProject, mandatoryEvents, mandatoryViolations, planJson, POLICY_PACK, ROOT, type EngineProject } from "./engine";

const DATA_STORES = path.join(ROOT, "tests/fixtures/programs/data-stores/index.ts");
const BLOCKED = ["igw-explicit", "igw-separate-route", "main-default-table", "main-association", "public-flag-string", "sg-inline-world", "sg-rule-world", "opensearch-public", "cache-public"];
const PASSING = ["nat-route", "egress-only", "implicit-main", "sg-from-sg", "tgw-route"];

const PROGRAMS: ReadonlyArray<{ name: string; file: string; blocked: boolean }> = [
    { name: "one-mandatory", file: path.join(ROOT, "tests/plan/fixtures/one-mandatory/index.ts"), blocked: true },
    { name: "violating", file: path.join(ROOT, "tests/plan/fixtures/violating/index.ts"), blocked: true },
    { name: "instances", file: path.join(ROOT, "tests/fixtures/programs/instances/index.ts"), blocked: true },
    { name: "waivers", file: path.join(ROOT, "tests/fixtures/programs/waivers/index.ts"), blocked: true },
];

/**
 * The engine's preview or up, and the plan in the same mode: the same exit (blocked or not) and the same list of
 * mandatory findings. `mustName` is a policy that must be among them (the one the fixture is about), or that must
 * not be when prefixed with "!".
 */
async function compare(project: EngineProject, mode: "preview" | "up", planArgs: string[], blocked: boolean, mustName?: string): Promise<void> {
    const engine = project.operation(mode, "dev", ["--policy-pack", POLICY_PACK]);
    const { code, doc } = await planJson([...planArgs, ...(mode === "preview" ? ["--preview"] : [])]);
    const context = `${mode}\n${engine.stdout.slice(-3000)}\n${engine.stderr.slice(-2000)}`;
    assert.strictEqual(engine.code !== 0, blocked, `engine exit ${engine.code}: ${context}`);
    assert.strictEqual(code, blocked ? 1 : 0, "plan exit code");
    const events = mandatoryEvents(engine.policies);
    if (mode === "preview") {
        assert.deepStrictEqual(events, mandatoryViolations(doc), context);
    } else {
        // `pulumi up` stops at the first resource that fails a mandatory resource policy (the stack policies then
        // never run), so it reports a prefix of what the plan lists; each one must be among the plan's.
        const planned = new Set(mandatoryViolations(doc));
        assert.deepStrictEqual(events.filter((event) => !planned.has(event)), [], context);
    }
    if (blocked) assert.ok(events.length > 0, "a blocked run names its mandatory findings");
    const all = mode === "preview" ? events : mandatoryViolations(doc);
    if (mustName?.startsWith("!")) assert.ok(!all.some((event) => event.startsWith(`${mustName.slice(1)} `)), all.join("\n"));
    else if (mustName !== undefined) assert.ok(all.some((event) => event.startsWith(`${mustName} `)), all.join("\n"));
}

describe("engine: blocking verdicts equal the plan's", function () {
    before(engineReady);

    for (const scenario of [...BLOCKED, ...PASSING]) {
        const reachable = BLOCKED.includes(scenario);
        // Every scenario is blocked in the strict profile (no CloudTrail, single-AZ...); what differs is reachability.
        it(`data-stores ${scenario}: ${reachable ? "blocked as reachable from the internet" : "not reachable"} in preview and up, as in the plan`, async () => {
            const project = fixtureProject("data-stores", DATA_STORES);
            project.initStack("dev", { "data-stores:scenario": scenario });
            const planArgs = ["--program", path.join(project.dir, "index.ts"), "--config", `data-stores:scenario=${scenario}`];
            const rule = reachable ? "no-public-data-stores" : "!no-public-data-stores";
            await compare(project, "preview", planArgs, true, rule);
            await compare(project, "up", planArgs, true, rule);
        });
    }

    for (const program of PROGRAMS) {
        it(`${program.name}: ${program.blocked ? "blocked" : "passes"} in preview and up, as in the plan`, async () => {
            const project = fixtureProject(program.name, program.file);
            project.initStack("dev");
            const planArgs = ["--program", path.join(project.dir, "index.ts")];
            await compare(project, "preview", planArgs, program.blocked);
            await compare(project, "up", planArgs, program.blocked);
        });
    }

    const stages: ReadonlyArray<{ label: string; stack: string; config: Record<string, string> }> = [
        { label: "zero", stack: "dev", config: { "runway:stage": "zero" } },
        { label: "hero", stack: "dev", config: {} },
        { label: "enterprise", stack: "prod", config: {} },
    ];
    for (const stage of stages) {
        it(`a broken ${stage.label} (an SQS queue with encryption at rest off) is blocked in preview, as in the plan`, async () => {
            const project = copyRunway();
            fs.appendFileSync(
                path.join(project.dir, "index.ts"),
                '\nimport * as brokenAws from "@pulumi/aws";\nnew brokenAws.sqs.Queue("broken-queue", { sqsManagedSseEnabled: false });\n',
            );
            project.initStack(stage.stack, stage.config);
            const engine = project.operation("preview", stage.stack, ["--policy-pack", POLICY_PACK]);
            const planArgs = ["--program", path.join(project.dir, "index.ts"), "--stack", stage.stack, ...Object.entries(stage.config).flatMap(([k, v]) => ["--config", `${k}=${v}`]), "--preview"];
            const { code, doc } = await planJson(planArgs);
            assert.notStrictEqual(engine.code, 0, engine.stdout.slice(-2000));
            assert.strictEqual(code, 1);
            const events = mandatoryEvents(engine.policies);
            assert.ok(events.some((event) => event.endsWith("::broken-queue")), events.join("\n"));
            assert.deepStrictEqual(events, mandatoryViolations(doc));
        });
    }
});
