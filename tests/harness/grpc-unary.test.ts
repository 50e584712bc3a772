import * as assert from "assert";
import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { decodeRun, GrpcCallError, UnaryChannel, type EncodedRun } from "../../harness";
import { sendRunInTurns } from "../../lab/send-in-turns";
import { unframe } from "../../harness/grpc-unary";

/** A grpc-js server (what every CrossGuard analyzer runs) serving `implementation`, and a channel to it. */
async function serve(implementation: grpc.UntypedServiceImplementation): Promise<{ channel: UnaryChannel; stop: () => void }> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(AnalyzerService, implementation);
    const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    const channel = new UnaryChannel(`http://127.0.0.1:${port}`);
    return {
        channel,
        stop: () => {
            channel.close();
            server.forceShutdown();
        },
    };
}

/**
 * The engine stand-in's channel against a grpc-js server (the server every CrossGuard analyzer runs), in this
 * process: answers, statuses with their messages, a large request, and calls one after another on one connection.
 */
describe("harness: the engine stand-in's unary gRPC channel", () => {
    let channel: UnaryChannel;
    let stop: () => void;
    let received = 0;

    before(async () => {
        ({ channel, stop } = await serve({
            getAnalyzerInfo: (_call: grpc.ServerUnaryCall<emptyproto.Empty, analyzerproto.AnalyzerInfo>, callback: grpc.sendUnaryData<analyzerproto.AnalyzerInfo>) => {
                const info = new analyzerproto.AnalyzerInfo();
                info.setName("stand-in");
                callback(null, info);
            },
            analyze: (call: grpc.ServerUnaryCall<analyzerproto.AnalyzeRequest, analyzerproto.AnalyzeResponse>, callback: grpc.sendUnaryData<analyzerproto.AnalyzeResponse>) => {
                received++;
                const urn = call.request.getUrn();
                if (urn === "fail") {
                    callback({ code: grpc.status.INVALID_ARGUMENT, details: "bad request: 100% wrong\nsecond line" }, null);
                    return;
                }
                const response = new analyzerproto.AnalyzeResponse();
                const d = new analyzerproto.AnalyzeDiagnostic();
                d.setUrn(urn);
                d.setMessage(`${call.request.getName().length} characters`);
                response.addDiagnostics(d);
                callback(null, response);
            },
        }));
    });

    after(() => stop());

    const analyze = (urn: string, name = "x") => {
        const req = new analyzerproto.AnalyzeRequest();
        req.setUrn(urn);
        req.setName(name);
        return req.serializeBinary();
    };

    it("returns the response message's bytes, which decode to what the server sent", async () => {
        const bytes = await channel.call(AnalyzerService.getAnalyzerInfo.path, new emptyproto.Empty().serializeBinary());
        assert.strictEqual(analyzerproto.AnalyzerInfo.deserializeBinary(bytes).getName(), "stand-in");
    });

    it("makes many calls one after another on one connection, each answered by its own response", async () => {
        const before = received;
        for (let i = 0; i < 200; i++) {
            const response = analyzerproto.AnalyzeResponse.deserializeBinary(await channel.call(AnalyzerService.analyze.path, analyze(`urn-${i}`)));
            assert.strictEqual(response.getDiagnosticsList()[0]?.getUrn(), `urn-${i}`);
        }
        assert.strictEqual(received - before, 200);
    });

    it("rejects with the server's status code and its (percent-decoded) message", async () => {
        await assert.rejects(channel.call(AnalyzerService.analyze.path, analyze("fail")), (err: unknown) => {
            assert.ok(err instanceof GrpcCallError);
            assert.strictEqual(err.code, grpc.status.INVALID_ARGUMENT);
            assert.strictEqual(err.details, "bad request: 100% wrong\nsecond line");
            return true;
        });
    });

    it("rejects a method the server does not serve as UNIMPLEMENTED, and the connection still works after", async () => {
        await assert.rejects(channel.call("/pulumirpc.Analyzer/NoSuchMethod", new Uint8Array()), (err: unknown) => err instanceof GrpcCallError && err.code === grpc.status.UNIMPLEMENTED);
        const bytes = await channel.call(AnalyzerService.analyze.path, analyze("after"));
        assert.strictEqual(analyzerproto.AnalyzeResponse.deserializeBinary(bytes).getDiagnosticsList()[0]?.getUrn(), "after");
    });

    it("sends a request far larger than HTTP/2's flow-control windows (20 MB) whole", async () => {
        const name = "n".repeat(20 * 1024 * 1024);
        const response = analyzerproto.AnalyzeResponse.deserializeBinary(await channel.call(AnalyzerService.analyze.path, analyze("big", name)));
        assert.strictEqual(response.getDiagnosticsList()[0]?.getMessage(), `${name.length} characters`);
    });

    it("rejects when nothing listens, instead of hanging", async () => {
        const closed = new UnaryChannel("http://127.0.0.1:1");
        try {
            await assert.rejects(closed.call(AnalyzerService.analyze.path, analyze("x")));
        } finally {
            closed.close();
        }
    });

    it("checks the gRPC message prefix of a response body", () => {
        const message = Buffer.from([1, 2, 3]);
        assert.deepStrictEqual([...unframe("/r", Buffer.concat([Buffer.from([0, 0, 0, 0, 3]), message]))], [1, 2, 3]);
        assert.throws(() => unframe("/r", Buffer.from([0, 0, 0])), /holds no message/);
        assert.throws(() => unframe("/r", Buffer.from([1, 0, 0, 0, 0])), /compressed/);
        assert.throws(() => unframe("/r", Buffer.from([0, 0, 0, 0, 9, 1])), /says 14/);
    });
});

describe("harness: sendRunInTurns, several analyzers taking turns within one run", () => {
    /** A stand-in analyzer that records the URNs it is asked about, in order, and fails on `failOn`. */
    async function standIn(failOn?: string) {
        const seen: string[] = [];
        const { channel, stop } = await serve({
            analyze: (call: grpc.ServerUnaryCall<analyzerproto.AnalyzeRequest, analyzerproto.AnalyzeResponse>, callback: grpc.sendUnaryData<analyzerproto.AnalyzeResponse>) => {
                const urn = call.request.getUrn();
                seen.push(urn);
                if (urn === failOn) {
                    callback({ code: grpc.status.INTERNAL, details: "boom" }, null);
                    return;
                }
                const response = new analyzerproto.AnalyzeResponse();
                const d = new analyzerproto.AnalyzeDiagnostic();
                d.setMessage(`seen ${urn}`);
                response.addDiagnostics(d);
                callback(null, response);
            },
            analyzeStack: (call: grpc.ServerUnaryCall<analyzerproto.AnalyzeStackRequest, analyzerproto.AnalyzeResponse>, callback: grpc.sendUnaryData<analyzerproto.AnalyzeResponse>) => {
                seen.push(`stack of ${call.request.getResourcesList().length}`);
                callback(null, new analyzerproto.AnalyzeResponse());
            },
        });
        return { seen, channel, stop };
    }

    /** A run of `n` resources, encoded as `encodeRun` would: one Analyze request each, then the stack request. */
    function encoded(n: number): EncodedRun {
        const analyze = Array.from({ length: n }, (_, i) => {
            const req = new analyzerproto.AnalyzeRequest();
            req.setUrn(`urn-${i}`);
            return { urn: `urn-${i}`, request: req.serializeBinary() };
        });
        const stack = new analyzerproto.AnalyzeStackRequest();
        stack.setResourcesList(analyze.map((a) => new analyzerproto.AnalyzerResource().setUrn(a.urn)));
        return { analyze, stack: stack.serializeBinary() };
    }

    it("gives every analyzer the whole run in the engine's order, its answers to its own run, and a time of its own", async () => {
        const a = await standIn();
        const b = await standIn();
        try {
            const run = encoded(23);
            const results = await sendRunInTurns([a, b], run, 5);
            const expected = [...run.analyze.map((r) => r.urn), "stack of 23"];
            assert.deepStrictEqual(a.seen, expected);
            assert.deepStrictEqual(b.seen, expected);
            for (const r of results) {
                assert.ok(r.responses && r.ms > 0 && r.error === undefined);
                assert.deepStrictEqual(decodeRun(run, r.responses).map((d) => `${d.urn} ${d.message}`), run.analyze.map((x) => `${x.urn} seen ${x.urn}`));
            }
        } finally {
            a.stop();
            b.stop();
        }
    });

    it("drops an analyzer whose call fails and lets the others finish the run", async () => {
        const failing = await standIn("urn-7");
        const healthy = await standIn();
        try {
            const run = encoded(20);
            const [broken, fine] = await sendRunInTurns([failing, healthy], run, 5);
            assert.ok(broken.error instanceof GrpcCallError && broken.error.code === grpc.status.INTERNAL && !broken.responses);
            assert.deepStrictEqual(failing.seen, run.analyze.slice(0, 8).map((r) => r.urn));
            assert.ok(fine.responses && fine.error === undefined);
            assert.strictEqual(healthy.seen.length, 21);
        } finally {
            failing.stop();
            healthy.stop();
        }
    });
});
