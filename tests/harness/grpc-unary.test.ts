import * as assert from "assert";
import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { GrpcCallError, UnaryChannel } from "../../harness";
import { unframe } from "../../harness/grpc-unary";

/**
 * The engine stand-in's channel against a grpc-js server (the server every CrossGuard analyzer runs), in this
 * process: answers, statuses with their messages, a large request, and calls one after another on one connection.
 */
describe("harness: the engine stand-in's unary gRPC channel", () => {
    let server: grpc.Server;
    let channel: UnaryChannel;
    let received = 0;

    before(async () => {
        server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
        server.addService(AnalyzerService, {
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
        });
        const port = await new Promise<number>((resolve, reject) => server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
        channel = new UnaryChannel(`http://127.0.0.1:${port}`);
    });

    after(() => {
        channel.close();
        server.forceShutdown();
    });

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
