/**
 * The engine stand-in's gRPC client: unary calls over one HTTP/2 connection (`node:http2`), with requests and
 * responses as bytes.
 *
 * Why not `@grpc/grpc-js`'s client: the Pulumi engine that calls an analyzer is Go, and what a benchmark of the
 * analyzer should time is the analyzer. grpc-js spends ~0.3 ms of client CPU per call (call objects, filters,
 * metadata, deadline and status plumbing) on the same 2 cores the analyzer runs on: ~25 % of every gRPC figure
 * for either pack (docs/benchmarks.md, history item 15). A unary call needs little of it: one POST with a
 * length-prefixed message, one length-prefixed message back, and the status in the trailers. The analyzer side
 * is untouched: it is `@pulumi/policy`'s own grpc-js server.
 *
 * Scope, on purpose: unary calls, no compression (none is offered, so the server sends none), no deadlines,
 * no retries, one call at a time or many — HTTP/2 multiplexes them.
 */
import * as http2 from "http2";
import * as net from "net";

/** A call that ended with a gRPC status other than OK (or broke the protocol: `code` -1). */
export class GrpcCallError extends Error {
    constructor(
        readonly route: string,
        readonly code: number,
        readonly details: string,
    ) {
        super(`${route}: gRPC status ${code}${details ? `: ${details}` : ""}`);
        this.name = "GrpcCallError";
    }
}

/** gRPC's `grpc-message` is percent-encoded. */
function decodeDetails(value: unknown): string {
    const text = Array.isArray(value) ? value.join(", ") : typeof value === "string" ? value : "";
    try {
        return decodeURIComponent(text);
    } catch {
        return text;
    }
}

/**
 * The request body: the 5-byte gRPC message prefix (not compressed, then the length, big-endian) and the message,
 * in one buffer so that it leaves in one write (two small writes wait on each other's ACK: Nagle).
 */
function frame(message: Uint8Array): Buffer {
    const body = Buffer.allocUnsafe(5 + message.byteLength);
    body[0] = 0;
    body.writeUInt32BE(message.byteLength, 1);
    body.set(message, 5);
    return body;
}

/** The one message of a unary response body: checks the prefix and returns the message bytes. */
export function unframe(route: string, body: Buffer): Buffer {
    if (body.length < 5) {
        throw new GrpcCallError(route, -1, `response of ${body.length} bytes holds no message`);
    }
    if (body[0] !== 0) {
        throw new GrpcCallError(route, -1, "response message is compressed, and no compression was offered");
    }
    const length = body.readUInt32BE(1);
    if (body.length !== 5 + length) {
        throw new GrpcCallError(route, -1, `response body is ${body.length} bytes, its message says ${5 + length}`);
    }
    return body.subarray(5);
}

/** Unary gRPC calls to one server over one HTTP/2 connection, opened on the first call. */
export class UnaryChannel {
    private session?: http2.ClientHttp2Session;

    constructor(private readonly authority: string) {}

    private connect(): http2.ClientHttp2Session {
        if (!this.session || this.session.closed || this.session.destroyed) {
            // No cap on session memory beyond the analyzer's own (a 100k-resource AnalyzeStack request is ~100 MB).
            const url = new URL(this.authority);
            const session = http2.connect(this.authority, {
                maxSessionMemory: Number.MAX_SAFE_INTEGER,
                // Each call's frames leave at once, as grpc-js (and the engine's Go client) send them: no Nagle.
                createConnection: () => net.connect({ host: url.hostname, port: Number(url.port), noDelay: true }),
            });
            // Errors reach each pending call through its stream; without a listener an 'error' would be thrown.
            session.on("error", () => undefined);
            this.session = session;
        }
        return this.session;
    }

    /** Sends `request` (an encoded message) to `route` (`/package.Service/Method`); resolves to the response message's bytes. */
    call(route: string, request: Uint8Array): Promise<Buffer> {
        return new Promise((resolve, reject) => {
            let stream: http2.ClientHttp2Stream;
            try {
                stream = this.connect().request({ ":method": "POST", ":path": route, "content-type": "application/grpc", te: "trailers" });
            } catch (err) {
                reject(err);
                return;
            }
            const chunks: Buffer[] = [];
            let httpStatus: number | undefined;
            let grpcStatus: string | undefined;
            let details: unknown;
            const readStatus = (headers: http2.IncomingHttpHeaders | http2.IncomingHttpStatusHeader) => {
                const status = (headers as Record<string, unknown>)["grpc-status"];
                if (status !== undefined) {
                    grpcStatus = String(status);
                    details = (headers as Record<string, unknown>)["grpc-message"];
                }
            };
            stream.on("response", (headers) => {
                httpStatus = Number(headers[":status"]);
                readStatus(headers); // a trailers-only response (an error) carries the status in its headers
            });
            stream.on("trailers", readStatus);
            stream.on("data", (chunk: Buffer) => chunks.push(chunk));
            stream.on("error", (err) => reject(err));
            stream.on("end", () => {
                if (httpStatus !== 200) {
                    reject(new GrpcCallError(route, -1, `HTTP status ${httpStatus ?? "missing"}`));
                } else if (grpcStatus === undefined) {
                    reject(new GrpcCallError(route, -1, "the response ended without a gRPC status"));
                } else if (grpcStatus !== "0") {
                    reject(new GrpcCallError(route, Number(grpcStatus), decodeDetails(details)));
                } else {
                    try {
                        resolve(unframe(route, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
                    } catch (err) {
                        reject(err);
                    }
                }
            });
            stream.end(frame(request));
        });
    }

    close(): void {
        this.session?.close();
        this.session = undefined;
    }
}
