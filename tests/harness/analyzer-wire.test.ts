/**
 * `encodeStackRequest` (harness/analyzer-wire.ts) builds the `AnalyzeStack` request one resource at a time; the
 * analyzer must receive exactly the bytes google-protobuf writes for the whole message.
 */
import { strict as assert } from "assert";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import type { ProgramRun } from "../../harness";
import { analyzerResource, encodeRun, encodeStackRequest, providerLookup } from "../../harness/analyzer-wire";
import { generateStack } from "../../fixtures/synthetic-stack";
import { STAGE_RUNS } from "../stages/helpers";

/** What google-protobuf writes for the whole `AnalyzeStackRequest` of `run`. */
function wholeMessage(run: ProgramRun): Buffer {
    const lookup = providerLookup(run.resources);
    const stack = new analyzerproto.AnalyzeStackRequest();
    stack.setResourcesList(run.resources.map((r) => analyzerResource(r, lookup(r.provider))));
    return Buffer.from(stack.serializeBinary());
}

function assertSameBytes(run: ProgramRun): void {
    const ours = Buffer.from(encodeStackRequest(run));
    assert.ok(ours.equals(wholeMessage(run)), `the stack request of ${run.resources.length} resources differs from google-protobuf's`);
}

describe("harness: the AnalyzeStack request, encoded one resource at a time", () => {
    it("is byte for byte google-protobuf's whole message on the hero and enterprise stages (parents, dependencies, explicit providers)", async () => {
        const enterprise = await STAGE_RUNS.enterprise();
        assert.ok(enterprise.resources.some((r) => r.provider), "the enterprise stage declares an explicit provider");
        assertSameBytes(await STAGE_RUNS.hero());
        assertSameBytes(enterprise);
    });

    it("is byte for byte google-protobuf's whole message on synthetic stacks in preview and update mode", () => {
        for (const mode of ["preview", "update"] as const) {
            assertSameBytes(generateStack({ resources: 1000, mode }).run);
        }
    });

    it("writes lengths of three varint bytes and more (a resource over 16 KiB) as google-protobuf does", async () => {
        const hero = await STAGE_RUNS.hero();
        const big = { ...hero.resources[1], outputs: { ...hero.resources[1].outputs, policy: "x".repeat(3 * 16384) } };
        const run: ProgramRun = { ...hero, resources: [hero.resources[0], big, ...hero.resources.slice(2)] };
        assertSameBytes(run);
        const decoded = analyzerproto.AnalyzeStackRequest.deserializeBinary(encodeStackRequest(run));
        assert.equal(decoded.getResourcesList().length, run.resources.length);
        assert.equal(decoded.getResourcesList()[1].getProperties()?.toJavaScript().policy, "x".repeat(3 * 16384));
    });

    it("is empty for a run without resources, as the empty message is", () => {
        const empty: ProgramRun = { ...generateStack({ resources: 100, mode: "preview" }).run, resources: [] };
        assert.equal(encodeStackRequest(empty).byteLength, 0);
        assert.equal(encodeRun(empty).stack.byteLength, wholeMessage(empty).byteLength);
    });
});
