/**
 * CrossGuard's own request handlers (`makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun` of `@pulumi/policy/server`),
 * called in-process with real request protobufs: the server's exact behaviour without gRPC transport. For
 * measuring a pack's own cost in the server and testing what the server does with it. Internal to
 * `@pulumi/policy` (no typings), which is pinned exactly in package.json.
 */
import type * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import type { PolicyPackDefinition } from "./evaluate-pack";

type RpcCallback = (err: unknown, response?: analyzerproto.AnalyzeResponse) => void;
type RpcFun = (call: { request: unknown }, callback: RpcCallback) => void;
type MakeRpcFun = (name: string, version: string, level: string, policies: unknown[]) => RpcFun;

interface ServerModule {
    makeAnalyzeRpcFun: MakeRpcFun;
    makeAnalyzeStackRpcFun: MakeRpcFun;
}

/** The server's `Analyze` and `AnalyzeStack` handlers for `pack` (no `Configure`: policies run on their declared levels). */
export interface ServerHandlers {
    analyze(request: analyzerproto.AnalyzeRequest): Promise<analyzerproto.AnalyzeResponse>;
    analyzeStack(request: analyzerproto.AnalyzeStackRequest): Promise<analyzerproto.AnalyzeResponse>;
}

function call(fun: RpcFun, request: unknown): Promise<analyzerproto.AnalyzeResponse> {
    return new Promise((resolve, reject) => fun({ request }, (err, response) => (err || !response ? reject(err ?? new Error("no response")) : resolve(response))));
}

/** `serverModule`: which copy of `@pulumi/policy/server` (a pack installed elsewhere brings its own). */
export function serverHandlers(pack: PolicyPackDefinition, serverModule = "@pulumi/policy/server"): ServerHandlers {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const server = require(serverModule) as ServerModule;
    const args = [pack.name, pack.version, pack.enforcementLevel ?? "advisory", pack.policies] as const;
    const analyze = server.makeAnalyzeRpcFun(...args);
    const analyzeStack = server.makeAnalyzeStackRpcFun(...args);
    return {
        analyze: (request) => call(analyze, request),
        analyzeStack: (request) => call(analyzeStack, request),
    };
}
