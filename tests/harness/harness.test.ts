import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { performance } from "perf_hooks";
import { analyzeOverGrpc, evaluatePack, ProgramError, runProgram, toStackResources, type PolicyDiagnostic, type PolicyPackDefinition, type ProgramRun } from "../../harness";
import { isUnknown } from "../../model/wire";
import { samplePolicies } from "../fixtures/packs/sample/policies";

const fixtures = path.resolve(__dirname, "../fixtures");
const samplePack = { name: "sample", version: "0.0.0", policies: samplePolicies };

function summary(diagnostics: PolicyDiagnostic[]): string[] {
    return diagnostics.map((d) => `${d.policyName}|${d.enforcementLevel}|${d.urn ?? ""}|${d.message}`).sort();
}

describe("harness: running a program under the mock runtime", () => {
    let update: ProgramRun;
    let preview: ProgramRun;
    before(async () => {
        update = await runProgram({ program: path.join(fixtures, "programs/smoke/index.ts"), config: { cidr: "10.9.0.0/16" } });
        preview = await runProgram({ program: path.join(fixtures, "programs/smoke/index.ts"), preview: true });
    });

    it("assigns the URNs the engine would, with the whole parent type chain", () => {
        const bucket = update.resources.find((r) => r.type === "aws:s3/bucket:Bucket");
        assert.strictEqual(bucket?.urn, "urn:pulumi:dev::project::smoke:index:Box$smoke:index:Inner$aws:s3/bucket:Bucket::box-inner-bucket");
    });

    it("records parent, protect, property dependencies and the source line of the new call", () => {
        const sse = update.resources.find((r) => r.name === "box-inner-sse");
        const bucket = update.resources.find((r) => r.name === "box-inner-bucket");
        assert.ok(sse && bucket);
        assert.strictEqual(sse.parent, "urn:pulumi:dev::project::smoke:index:Box$smoke:index:Inner::box-inner");
        assert.deepStrictEqual(sse.propertyDependencies.bucket, [bucket.urn]);
        assert.strictEqual(bucket.protect, true);
        assert.strictEqual(path.basename(bucket.source?.file ?? ""), "index.ts");
        assert.strictEqual(bucket.source?.line, 17);
    });

    it("points a resource declared in an anonymous callback at the line that calls it", () => {
        const queue = update.resources.find((r) => r.type === "aws:sqs/queue:Queue");
        assert.strictEqual(queue?.source?.line, 35);
    });

    it("gives update-mode outputs AWS's shape: a bucket's id is its name, a subnet id is subnet-…", () => {
        const bucket = update.resources.find((r) => r.name === "box-inner-bucket");
        const sse = update.resources.find((r) => r.name === "box-inner-sse");
        assert.strictEqual(bucket?.id, sse?.inputs.bucket);
        assert.match(String(update.outputs.subnetId), /^subnet-[0-9a-f]{17}$/);
    });

    it("leaves provider-computed values unknown in preview, but keeps literal inputs and dependencies", () => {
        const subnet = preview.resources.find((r) => r.type === "aws:ec2/subnet:Subnet");
        assert.ok(subnet);
        assert.ok(isUnknown(subnet.inputs.vpcId));
        assert.strictEqual(subnet.inputs.cidrBlock, "10.0.1.0/24");
        assert.strictEqual(subnet.propertyDependencies.vpcId.length, 1);
        assert.strictEqual(preview.outputs.subnetId, undefined);
    });

    it("applies stack config overrides and keeps secrets secret", () => {
        const vpc = update.resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
        assert.strictEqual(vpc?.inputs.cidrBlock, "10.9.0.0/16");
        assert.deepStrictEqual(update.outputs.param, { secret: true });
        const view = toStackResources(update).find((r) => r.type === "aws:ssm/parameter:Parameter");
        assert.strictEqual(view?.props.value, "hunter2");
    });

    it("answers invokes with plausible AWS data", () => {
        assert.deepStrictEqual((update.outputs.zones as string[]).slice(0, 2), ["us-east-1a", "us-east-1b"]);
    });

    it("reports a missing program, and a program that throws, with what was declared so far", async () => {
        await assert.rejects(runProgram({ program: path.join(fixtures, "programs/nope/index.ts") }), (e: unknown) => e instanceof ProgramError && e.kind === "missing");
        await assert.rejects(
            runProgram({ program: path.join(fixtures, "programs/throws-own-error/index.ts") }),
            (e: unknown) => e instanceof ProgramError && e.kind === "throw" && e.resources.map((r) => r.name).join() === "before-the-error",
        );
    });

    it("reruns the program's modules, but keeps the ones a test imported, so the test sees the class the program throws", async () => {
        const program = path.join(fixtures, "programs/throws-own-error/index.ts");
        await assert.rejects(runProgram({ program }));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { OopsError } = require(path.join(fixtures, "programs/throws-own-error/oops")) as typeof import("../fixtures/programs/throws-own-error/oops");
        await assert.rejects(runProgram({ program }), (e: unknown) => e instanceof ProgramError && e.cause instanceof OopsError);
        await assert.rejects(runProgram({ program }), (e: unknown) => e instanceof ProgramError && e.cause instanceof OopsError);
    });
});

describe("harness: programs stuck in synchronous code", function () {
    this.timeout(60_000);

    for (const [fixture, where] of [["busy-loop", "at its top level"], ["busy-apply", "in an apply callback"]]) {
        it(`times out a program that spins ${where}, and the next run still works`, async () => {
            const started = Date.now();
            await assert.rejects(runProgram({ program: path.join(fixtures, `programs/${fixture}/index.ts`), timeoutMs: 1_000 }), (e: unknown) => {
                assert.ok(e instanceof ProgramError, String(e));
                assert.strictEqual(e.kind, "timeout");
                assert.match(e.message, /did not finish registering resources within 1 s/);
                return true;
            });
            assert.ok(Date.now() - started < 10_000, `interrupted after ${Date.now() - started} ms`);
            const next = await runProgram({ program: path.join(fixtures, "programs/smoke/index.ts"), preview: true });
            assert.ok(next.resources.length > 0);
        });
    }
});

describe("harness: analyzer processes", function () {
    this.timeout(60_000);

    it("stops an analyzer with the process that started it, even when that process crashes", () => {
        const script = path.join(fixtures, "scripts/start-analyzer-then-crash.ts");
        const result = spawnSync(process.execPath, ["-r", path.resolve(__dirname, "../../harness/ts-register.js"), script], { encoding: "utf8", timeout: 50_000 });
        assert.notStrictEqual(result.status, 0, "the script crashed");
        assert.match(result.stderr, /crashed on purpose/);
        const pid = Number(result.stdout.trim());
        assert.ok(pid > 0, result.stdout);
        const alive = (): boolean => {
            try {
                process.kill(pid, 0);
                return true;
            } catch {
                return false;
            }
        };
        const deadline = Date.now() + 5_000;
        while (alive() && Date.now() < deadline) {
            spawnSync("sleep", ["0.1"]);
        }
        assert.ok(!alive(), `analyzer ${pid} outlived the process that started it`);
    });
});

describe("harness: evaluating a policy pack in-process and over gRPC", function () {
    this.timeout(60_000);

    for (const mode of ["update", "preview"] as const) {
        it(`gives the same diagnostics both ways (${mode})`, async () => {
            const run = await runProgram({ program: path.join(fixtures, "programs/two-buckets/index.ts"), preview: mode === "preview" });
            const config = { "buckets-have-sse": { note: "(see runbook)" } };
            const inProcess = await evaluatePack(run, samplePack, { config });
            const overGrpc = await analyzeOverGrpc(run, { packDir: path.join(fixtures, "packs/sample"), config });
            assert.deepStrictEqual(summary(inProcess), summary(overGrpc));
            const bare = inProcess.filter((d) => d.policyName === "buckets-have-sse");
            assert.strictEqual(bare.length, 1);
            assert.match(bare[0].message, /no SSE for bare \(see runbook\)/);
            const subnet = inProcess.filter((d) => d.policyName === "subnet-cidr-is-small");
            if (mode === "update") {
                assert.strictEqual(subnet.length, 1);
                assert.strictEqual(subnet[0].enforcementLevel, "mandatory");
            } else {
                // The real server turns a read of an unknown value into an advisory "can't run" note — for every subnet.
                assert.strictEqual(subnet.length, 2);
                assert.ok(subnet.every((d) => d.enforcementLevel === "advisory" && /can't run policy .* during preview/.test(d.message)));
            }
        });
    }

    it("reconciles pack config as the CLI does: schema defaults first, then the file, validated against the schema", async () => {
        const run = await runProgram({ program: path.join(fixtures, "programs/two-buckets/index.ts") });
        const seen: unknown[] = [];
        const pack = {
            name: "defaults",
            version: "0.0.1",
            policies: [
                {
                    name: "threshold",
                    description: "records its config",
                    enforcementLevel: "advisory" as const,
                    configSchema: { properties: { threshold: { type: "integer" as const, minimum: 1, default: 3 }, label: { type: "string" as const } }, required: ["threshold"] },
                    validateStack: (args: { getConfig<T>(): T }) => {
                        seen.push(args.getConfig());
                    },
                },
            ],
        };
        await evaluatePack(run, pack);
        await evaluatePack(run, pack, { config: { threshold: { threshold: 5, label: "x" } } });
        assert.deepStrictEqual(seen, [{ threshold: 3 }, { threshold: 5, label: "x" }]);
        await assert.rejects(evaluatePack(run, pack, { config: { threshold: { threshold: 0, label: 7 } } }), /policy pack config is invalid: policy "threshold": threshold: must be >= 1; policy "threshold": label: must be string/);
        await assert.rejects(
            analyzeOverGrpc(run, { packDir: path.join(fixtures, "packs/sample"), config: { "buckets-have-sse": { note: 42 } } }),
            /policy pack config is invalid: policy "buckets-have-sse": note: must be string/,
            "over gRPC, the schema comes from GetAnalyzerInfo",
        );
    });

    it("configures a pack started again with each config as given: the Configure request is reused only for the same answer and config", async () => {
        const run = await runProgram({ program: path.join(fixtures, "programs/two-buckets/index.ts") });
        const packDir = path.join(fixtures, "packs/sample");
        const noteOf = async (note: string) => (await analyzeOverGrpc(run, { packDir, config: { "buckets-have-sse": { note } } })).find((d) => d.policyName === "buckets-have-sse")?.message ?? "";
        assert.match(await noteOf("(first)"), /\(first\)/);
        assert.match(await noteOf("(second)"), /\(second\)/);
        for (let i = 0; i < 2; i++) {
            await assert.rejects(analyzeOverGrpc(run, { packDir, config: { "buckets-have-sse": { note: 42 } } }), /note: must be string/, "an invalid config is rejected every time, never kept");
        }
    });

    it("tells onPhase when Analyze and AnalyzeStack ran, in order, around their policies, and changes nothing else", async () => {
        const run = await runProgram({ program: path.join(fixtures, "programs/two-buckets/index.ts") });
        const seen: { analyze: number[]; stack: number[] } = { analyze: [], stack: [] };
        const timing: PolicyPackDefinition = {
            name: "timing",
            version: "0.0.0",
            policies: [
                ...samplePolicies,
                { name: "resource-clock", description: "when Analyze ran", enforcementLevel: "advisory", validateResource: () => void seen.analyze.push(performance.now()) },
                { name: "stack-clock", description: "when AnalyzeStack ran", enforcementLevel: "advisory", validateStack: () => void seen.stack.push(performance.now()) },
            ],
        };
        const phases: { phase: string; start: number; end: number }[] = [];
        const told = await evaluatePack(run, timing, { onPhase: (phase, start, end) => phases.push({ phase, start, end }) });
        assert.deepStrictEqual(summary(told), summary(await evaluatePack(run, timing)));
        assert.deepStrictEqual(phases.map((p) => p.phase), ["Analyze", "AnalyzeStack"]);
        const [analyze, stack] = phases;
        assert.ok(analyze.start <= analyze.end && analyze.end <= stack.start && stack.start <= stack.end);
        assert.strictEqual(seen.analyze.length, run.resources.length * 2, "each resource, in both evaluations");
        const during = (t: number, p: { start: number; end: number }) => t >= p.start && t <= p.end;
        assert.ok(seen.analyze.slice(0, run.resources.length).every((t) => during(t, analyze)));
        assert.ok(during(seen.stack[0], stack));
    });

    it("links dependencies as the server does: URNs not in the stack dropped, the last of a duplicated URN kept", async () => {
        const run = await runProgram({ program: path.join(fixtures, "programs/two-buckets/index.ts") });
        const vpc = run.resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
        const wide = run.resources.find((r) => r.name === "wide");
        assert.ok(vpc && wide);
        const gone = "urn:pulumi:dev::two-buckets::aws:ec2/vpc:Vpc::gone";
        const twin = { ...vpc, name: "twin" }; // same URN, declared after: the server's map keeps it
        const edited = { ...wide, propertyDependencies: { ...wide.propertyDependencies, vpcId: [gone, vpc.urn] }, dependencies: [vpc.urn, gone] };
        const stack = { ...run, resources: run.resources.map((r) => (r === wide ? edited : r)).concat(twin) };
        let linked: { vpcId: string[]; dependencies: string[]; sizes: number[] } | undefined;
        const pack: PolicyPackDefinition = {
            name: "links",
            version: "0.0.0",
            policies: [
                {
                    name: "read-links",
                    description: "reads the links",
                    enforcementLevel: "advisory",
                    validateStack: (args) => {
                        const r = args.resources.find((x) => x.name === "wide");
                        const vpcId = r?.propertyDependencies.vpcId ?? [];
                        linked = { vpcId: vpcId.map((d) => d.name), dependencies: (r?.dependencies ?? []).map((d) => d.name), sizes: [vpcId.length, r?.dependencies.length ?? -1] };
                    },
                },
            ],
        };
        await evaluatePack(stack, pack);
        assert.deepStrictEqual(linked, { vpcId: ["twin"], dependencies: ["twin"], sizes: [1, 1] });
    });

    it("applies enforcement levels from pack config the way Configure does", async () => {
        const run = await runProgram({ program: path.join(fixtures, "programs/two-buckets/index.ts") });
        const disabled = await evaluatePack(run, samplePack, { config: { "subnet-cidr-is-small": "disabled", all: "mandatory" } });
        assert.deepStrictEqual(disabled.map((d) => `${d.policyName}:${d.enforcementLevel}`), ["buckets-have-sse:mandatory"]);
    });
});
