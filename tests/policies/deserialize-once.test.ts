/**
 * `deserializeOncePerRequest` (policies/lib/deserialize-once.ts) under CrossGuard's real server functions
 * (`makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun` of `@pulumi/policy/server`), on requests decoded from bytes as
 * gRPC hands them over: same diagnostics as one deserialization per policy, one deserialization per Struct, and
 * no Runway policy writes to the shared properties (they are frozen here).
 */
import { strict as assert } from "assert";
import * as path from "path";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { runProgram, serverHandlers, type ProgramRun } from "../../harness";
import { analyzeRequest, encodeStackRequest, providerLookup } from "../../harness/analyzer-wire";
import { deserializeOncePerRequest, type DeserializeModule } from "../../policies/lib/deserialize-once";
import { runwayPack } from "../../policies/pack";
import { STAGE_RUNS } from "../stages/helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deserializeModule = require("@pulumi/policy/deserialize") as DeserializeModule;

const WAIVERS = path.join(__dirname, "../fixtures/programs/waivers/index.ts");
const DATA_STORES = path.join(__dirname, "../fixtures/programs/data-stores/index.ts");
const server = serverHandlers(runwayPack);

/** Every diagnostic the server answers for `run`, requests decoded from bytes (fresh Structs, as over gRPC). */
async function serve(run: ProgramRun): Promise<unknown[]> {
    const lookup = providerLookup(run.resources);
    const out: unknown[] = [];
    for (const r of run.resources) {
        const bytes = analyzeRequest(r, lookup(r.provider)).serializeBinary();
        const response = await server.analyze(analyzerproto.AnalyzeRequest.deserializeBinary(bytes));
        out.push(...response.getDiagnosticsList().map((d) => ({ ...d.toObject(), urn: d.getUrn() || r.urn })));
    }
    const response = await server.analyzeStack(analyzerproto.AnalyzeStackRequest.deserializeBinary(encodeStackRequest(run)));
    out.push(...response.getDiagnosticsList().map((d) => d.toObject()));
    return out;
}

function deepFreeze<T>(value: T): T {
    if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) {
            deepFreeze(v);
        }
    }
    return value;
}

/** Runs `work` with the memo installed over a counting (and optionally freezing) deserializer; restores both. */
async function withMemo<T>(work: () => Promise<T>, freeze: boolean): Promise<{ result: T; deserialized: number }> {
    const original = deserializeModule.deserializeProperties;
    let deserialized = 0;
    deserializeModule.deserializeProperties = (struct, proxySecrets) => {
        deserialized++;
        const props = original(struct, proxySecrets);
        return freeze ? deepFreeze(props) : props;
    };
    const restore = deserializeOncePerRequest(deserializeModule);
    try {
        return { result: await work(), deserialized };
    } finally {
        restore?.();
        deserializeModule.deserializeProperties = original;
    }
}

describe("one deserialization per resource per request (the pack's analyzer)", function () {
    this.timeout(120_000);
    const runs: Record<string, ProgramRun> = {};
    before(async () => {
        runs["waivers fixture, preview"] = await runProgram({ program: WAIVERS, preview: true });
        runs["waivers fixture, update"] = await runProgram({ program: WAIVERS, preview: false });
        runs["database behind an internet route, preview"] = await runProgram({ program: DATA_STORES, config: { scenario: "igw-separate-route" }, preview: true });
        runs["database behind a world-open rule, update"] = await runProgram({ program: DATA_STORES, config: { scenario: "sg-rule-world" }, preview: false });
        runs["hero stage"] = await STAGE_RUNS.hero();
        runs["enterprise stage"] = await STAGE_RUNS.enterprise();
    });

    const fixtures = ["waivers fixture, preview", "waivers fixture, update", "database behind an internet route, preview", "database behind a world-open rule, update"];
    for (const name of [...fixtures, "hero stage", "enterprise stage"]) {
        it(`answers exactly as before on the ${name}, with properties frozen (no policy writes to them)`, async () => {
            const before = await serve(runs[name]);
            const { result: after } = await withMemo(() => serve(runs[name]), true);
            if (fixtures.includes(name)) {
                assert.ok(before.some((d) => (d as { enforcementlevel?: number }).enforcementlevel === analyzerproto.EnforcementLevel.MANDATORY), "the fixture has mandatory findings to compare");
            }
            assert.deepStrictEqual(after, before);
        });
    }

    it("deserializes a resource's properties and its provider's once per Analyze, whatever the number of policies", async () => {
        const run = runs["hero stage"];
        const lookup = providerLookup(run.resources);
        const withProvider = run.resources.find((r) => r.provider && lookup(r.provider) && r.type.startsWith("aws:rds/"));
        assert.ok(withProvider, "an RDS resource with an explicit provider");
        const bytes = analyzeRequest(withProvider, lookup(withProvider.provider)).serializeBinary();
        const { deserialized } = await withMemo(() => server.analyze(analyzerproto.AnalyzeRequest.deserializeBinary(bytes)), false);
        assert.equal(deserialized, 2, `${runwayPack.policies.length} policies, one deserialization each for the resource and its provider`);
    });

    it("deserializes each resource once per AnalyzeStack across the stack policies", async () => {
        const run = runs["hero stage"];
        const lookup = providerLookup(run.resources);
        const withProviders = run.resources.filter((r) => r.provider && lookup(r.provider)).length;
        const bytes = encodeStackRequest(run);
        const { deserialized } = await withMemo(() => server.analyzeStack(analyzerproto.AnalyzeStackRequest.deserializeBinary(bytes)), false);
        assert.equal(deserialized, run.resources.length + withProviders);
    });

    it("is idempotent, restores the original, and does nothing without the module", () => {
        const original = deserializeModule.deserializeProperties;
        const first = deserializeOncePerRequest(deserializeModule);
        const second = deserializeOncePerRequest(deserializeModule);
        second?.();
        assert.equal(deserializeModule.deserializeProperties, original, "restoring the second install restores the real function, not the first memo");
        first?.();
        assert.equal(deserializeModule.deserializeProperties, original);
        assert.equal(deserializeOncePerRequest({} as DeserializeModule), undefined);
    });
});
