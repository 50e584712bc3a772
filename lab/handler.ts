/**
 * A pack's own cost inside CrossGuard's server, without gRPC, in its own process:
 *
 *   node -r ./harness/ts-register.js lab/handler.ts <json HandlerTask>
 *
 * Calls the `Analyze` handler (`makeAnalyzeRpcFun` of the pack's own `@pulumi/policy/server`) for every resource of
 * a synthetic stack, on `AnalyzeRequest`s decoded from bytes before each run (fresh protobuf objects, as gRPC hands
 * them over). Over gRPC this cost is hidden under ~0.7 ms of transport per request; here it is what the pack
 * itself spends. Runway is measured as its entry serves it. There is no `Configure` (the server keeps that config
 * private): packs run on their declared levels, Runway in its strict profile.
 *
 * Prints `RESULT <json HandlerResult>`.
 */
import * as path from "path";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { generateStack, type Mode } from "../fixtures/synthetic-stack";
import { serverHandlers } from "../harness";
import { encodeAnalyzeRequests } from "../harness/analyzer-wire";
import { runChild } from "./child";
import type { PackId } from "./found";
import { AWSGUARD_DIR, loadAwsguardPack, loadRunwayPack } from "./packs";
import { median } from "./stats";

export interface HandlerTask {
    resources: number;
    mode: Mode;
    pack: PackId;
    warmup: number;
    repeats: number;
}

export interface HandlerResult {
    task: HandlerTask;
    timesMs: number[];
    medianMs: number;
}

async function main(): Promise<void> {
    const task = JSON.parse(process.argv[2] ?? "{}") as HandlerTask;
    const serverModule = task.pack === "runway" ? "@pulumi/policy/server" : path.join(AWSGUARD_DIR, "node_modules", "@pulumi", "policy", "server");
    const pack = task.pack === "runway" ? loadRunwayPack() : loadAwsguardPack();
    const server = serverHandlers(pack, serverModule);

    const { run } = generateStack({ resources: task.resources, mode: task.mode });
    const bytes = encodeAnalyzeRequests(run).map((e) => e.request);
    const timesMs: number[] = [];
    for (let i = 0; i < task.warmup + task.repeats; i++) {
        const requests = bytes.map((b) => analyzerproto.AnalyzeRequest.deserializeBinary(b));
        const started = process.hrtime.bigint();
        for (const request of requests) {
            await server.analyze(request);
        }
        if (i >= task.warmup) {
            timesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
    }
    const result: HandlerResult = { task, timesMs, medianMs: median(timesMs) };
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

if (require.main === module) {
    runChild(main);
}
