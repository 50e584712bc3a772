/**
 * Drives a policy pack through its real gRPC analyzer, as the Pulumi engine does: spawn the pack's program
 * (`new PolicyPack(...)` starts `@pulumi/policy`'s server and prints its port) — directly, or through the CLI's
 * own launcher (`launcher: true`) — `Configure` it with the
 * `--policy-pack-config` document, `Analyze` each resource's inputs, then `AnalyzeStack` with every
 * resource's outputs.
 */
import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as structproto from "google-protobuf/google/protobuf/struct_pb";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";
import * as analyzerproto from "@pulumi/pulumi/proto/analyzer_pb";
import { AnalyzerService } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { encodeRun, type EncodedRun } from "./analyzer-wire";
import { UnaryChannel } from "./grpc-unary";
import { packPolicyConfig, type PackConfig, type PolicyConfigInfo } from "./pack-config";
import type { EnforcementLevel, PolicyDiagnostic, ProgramRun, Severity } from "./types";

/** A running analyzer process and the engine stand-in's channel to it (see grpc-unary.ts). */
export interface AnalyzerConnection {
    channel: UnaryChannel;
    port: number;
    /** The analyzer process's pid (e.g. to read its peak RSS). */
    pid: number | undefined;
    /** Milliseconds from spawn to the port being printed. */
    startMs: number;
    /** The pack's policies, their declared levels and config schemas, from `GetAnalyzerInfo`. */
    policies(): Promise<(PolicyConfigInfo & { enforcementLevel: EnforcementLevel })[]>;
    close(): void;
}

/** Options for starting a pack. */
export interface StartOptions {
    /** Folder holding the pack's `index.ts` (or `index.js`). */
    packDir: string;
    /**
     * Entry file inside `packDir`. Default `index.ts`; with `launcher`, the folder itself (the launcher requires
     * it: its package.json `main`).
     */
    entry?: string;
    /**
     * Start the pack the way the Pulumi CLI does (its `pulumi-analyzer-policy` plugin): `node
     * <@pulumi/pulumi>/cmd/run-policy-pack <engine> <program>` in the pack's folder, with the launcher resolved from
     * there. The launcher registers ts-node with type checking, then requires the program. Default false: node
     * runs the entry itself, TypeScript through the harness's transpiler (`ts-register.js`).
     */
    launcher?: boolean;
    /** Give up when no port is printed after this long. Default 30 s. */
    timeoutMs?: number;
    /** Extra environment for the pack process. */
    env?: Record<string, string>;
}

/** How a TypeScript pack is loaded: ts-node, transpile-only, with SWC when installed (see ts-register.js). */
const TS_REGISTER = path.join(__dirname, "ts-register.js");

/** Analyzers this process started and has not stopped: stopped with it, even when it ends on an error. */
const running = new Set<ChildProcess>();
let stopOnExit = false;

function track(child: ChildProcess): void {
    running.add(child);
    child.once("exit", () => running.delete(child));
    if (!stopOnExit) {
        stopOnExit = true;
        process.once("exit", () => {
            for (const c of running) {
                c.kill();
            }
        });
    }
}

/**
 * The CLI's engine address, which the launcher takes first and drops: an analyzer answers the engine, it does not
 * call it.
 */
const NO_ENGINE = "127.0.0.1:0";

/** node's arguments for starting the pack (see `StartOptions.launcher`). */
function analyzerArgs(options: StartOptions): string[] {
    if (options.launcher) {
        const launcher = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [path.resolve(options.packDir)] });
        return [launcher, NO_ENGINE, options.entry ?? "."];
    }
    const entry = options.entry ?? "index.ts";
    return entry.endsWith(".ts") ? ["-r", TS_REGISTER, entry] : [entry];
}

/** Spawns a policy pack's analyzer and connects to it. The analyzer stops with `close()` or with this process. */
export function startAnalyzer(options: StartOptions): Promise<AnalyzerConnection> {
    const started = Date.now();
    const child: ChildProcess = spawn(process.execPath, analyzerArgs(options), {
        cwd: path.resolve(options.packDir),
        env: { ...process.env, ...(options.launcher ? {} : tsNodeProject(options.packDir)), ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    track(child);
    return new Promise((resolve, reject) => {
        let stdout = "";
        let stderr = "";
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`policy pack in ${options.packDir} printed no port within ${(options.timeoutMs ?? 30_000) / 1000} s: ${stderr.trim()}`));
        }, options.timeoutMs ?? 30_000);
        child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`policy pack in ${options.packDir} exited with code ${code}: ${stderr.trim()}`));
        });
        child.stdout?.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const match = /^(\d+)\s*$/m.exec(stdout);
            if (!match) {
                return;
            }
            clearTimeout(timer);
            child.removeAllListeners("exit");
            const port = Number(match[1]);
            const channel = new UnaryChannel(`http://127.0.0.1:${port}`);
            resolve({
                channel,
                port,
                pid: child.pid,
                startMs: Date.now() - started,
                policies: () => channel.call(GET_ANALYZER_INFO, EMPTY).then(decodePolicies),
                close: () => {
                    channel.close();
                    child.kill();
                },
            });
        });
    });
}

/** Points ts-node at the pack's own tsconfig.json when it has one (a published pack carries its own). */
function tsNodeProject(packDir: string): Record<string, string> {
    const own = path.resolve(packDir, "tsconfig.json");
    return fs.existsSync(own) ? { TS_NODE_PROJECT: own } : {};
}

const LEVEL_TO_PROTO: Record<EnforcementLevel, analyzerproto.EnforcementLevel> = {
    advisory: analyzerproto.EnforcementLevel.ADVISORY,
    mandatory: analyzerproto.EnforcementLevel.MANDATORY,
    disabled: analyzerproto.EnforcementLevel.DISABLED,
    remediate: analyzerproto.EnforcementLevel.REMEDIATE,
};
const LEVEL_FROM_PROTO = new Map(Object.entries(LEVEL_TO_PROTO).map(([k, v]) => [v, k as EnforcementLevel]));
const SEVERITY_FROM_PROTO = new Map<analyzerproto.PolicySeverity, Severity>([
    [analyzerproto.PolicySeverity.POLICY_SEVERITY_LOW, "low"],
    [analyzerproto.PolicySeverity.POLICY_SEVERITY_MEDIUM, "medium"],
    [analyzerproto.PolicySeverity.POLICY_SEVERITY_HIGH, "high"],
    [analyzerproto.PolicySeverity.POLICY_SEVERITY_CRITICAL, "critical"],
]);

const GET_ANALYZER_INFO = AnalyzerService.getAnalyzerInfo.path;
const EMPTY = new emptyproto.Empty().serializeBinary();

type AnalyzerPolicies = Awaited<ReturnType<AnalyzerConnection["policies"]>>;

/** A `GetAnalyzerInfo` answer's policies: name, declared level, config schema. */
function decodePolicies(bytes: Uint8Array): AnalyzerPolicies {
    return analyzerproto.AnalyzerInfo.deserializeBinary(bytes)
        .getPoliciesList()
        .map((p) => {
            const schema = p.getConfigschema();
            return {
                name: p.getName(),
                enforcementLevel: LEVEL_FROM_PROTO.get(p.getEnforcementlevel()) ?? "advisory",
                ...(schema ? { configSchema: { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() } } : {}),
            };
        });
}

/** The `Configure` request for `config`, validated against the policies' schemas as the CLI does (errors name the key). */
function configureRequest(policies: AnalyzerPolicies, config: PackConfig): Uint8Array {
    const declared = new Map(policies.map((p) => [p.name, p.enforcementLevel]));
    const resolved = packPolicyConfig(policies, config);
    const req = new analyzerproto.ConfigureAnalyzerRequest();
    const map = req.getPolicyconfigMap();
    for (const [name, { enforcementLevel, ...props }] of Object.entries(resolved)) {
        const entry = new analyzerproto.PolicyConfig();
        entry.setEnforcementlevel(LEVEL_TO_PROTO[enforcementLevel ?? declared.get(name) ?? "advisory"]);
        entry.setProperties(structproto.Struct.fromJavaScript(props as Record<string, structproto.JavaScriptValue>));
        map.set(name, entry);
    }
    return req.serializeBinary();
}

/**
 * `Configure` requests already built, by the analyzer's `GetAnalyzerInfo` answer (its exact bytes) and the config.
 * Decoding that answer and validating the config against it is the engine's work, in Go, where it takes a
 * millisecond; google-protobuf here took 20–35 ms for Runway's 41 KB of config schemas (awsguard's 4.6 KB: under
 * 1 ms), inside the cold start's clock, at every start. A pack started again answers the same bytes: built once.
 */
const configureRequests = new Map<string, Uint8Array>();

/** Sends the `--policy-pack-config` document through `Configure`, as the CLI does: `GetAnalyzerInfo`, then `Configure`. */
export async function configureAnalyzer(connection: AnalyzerConnection, config: PackConfig): Promise<void> {
    const info = await connection.channel.call(GET_ANALYZER_INFO, EMPTY);
    const key = `${Buffer.from(info).toString("base64")}|${JSON.stringify(config)}`;
    let request = configureRequests.get(key);
    if (request === undefined) {
        request = configureRequest(decodePolicies(info), config);
        configureRequests.set(key, request);
    }
    await connection.channel.call(AnalyzerService.configure.path, request);
}

function toDiagnostic(d: analyzerproto.AnalyzeDiagnostic): PolicyDiagnostic {
    return {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        message: d.getMessage(),
        urn: d.getUrn() || undefined,
        description: d.getDescription(),
        enforcementLevel: LEVEL_FROM_PROTO.get(d.getEnforcementlevel()) ?? "advisory",
        severity: SEVERITY_FROM_PROTO.get(d.getSeverity()),
    };
}

const ANALYZE = AnalyzerService.analyze.path;
const ANALYZE_STACK = AnalyzerService.analyzeStack.path;

/** The analyzer's answers to one run, as received: one `AnalyzeResponse` per resource, then AnalyzeStack's. */
export interface RunResponses {
    analyze: Buffer[];
    stack: Buffer;
}

/**
 * `Analyze` every resource, then `AnalyzeStack`, from requests encoded by `encodeRun`, one call at a time as the
 * engine makes them; the responses are kept as received (`decodeRun` turns them into diagnostics). Timing this
 * times the analyzer and the transport, not the engine stand-in's protobuf decoding (the engine decodes in Go).
 */
export async function sendRun(connection: Pick<AnalyzerConnection, "channel">, run: EncodedRun): Promise<RunResponses> {
    const analyze: Buffer[] = [];
    for (const { request } of run.analyze) {
        analyze.push(await connection.channel.call(ANALYZE, request));
    }
    return { analyze, stack: await connection.channel.call(ANALYZE_STACK, run.stack) };
}

/** The diagnostics of a run's responses (`sendRun`). */
export function decodeRun(run: EncodedRun, responses: RunResponses): PolicyDiagnostic[] {
    const diagnostics: PolicyDiagnostic[] = [];
    responses.analyze.forEach((bytes, i) => {
        const urn = run.analyze[i].urn;
        // The engine attaches a diagnostic without a URN to the resource being analyzed.
        for (const d of analyzerproto.AnalyzeResponse.deserializeBinary(bytes).getDiagnosticsList()) {
            diagnostics.push({ ...toDiagnostic(d), urn: d.getUrn() || urn });
        }
    });
    for (const d of analyzerproto.AnalyzeResponse.deserializeBinary(responses.stack).getDiagnosticsList()) {
        diagnostics.push(toDiagnostic(d));
    }
    return diagnostics;
}

/** `Analyze` every resource's inputs, then `AnalyzeStack` with every resource's outputs. */
export async function analyzeRun(connection: AnalyzerConnection, run: ProgramRun): Promise<PolicyDiagnostic[]> {
    const encoded = encodeRun(run);
    return decodeRun(encoded, await sendRun(connection, encoded));
}

/** One-shot: start the pack, configure it, analyze `run`, stop it. */
export async function analyzeOverGrpc(run: ProgramRun, options: StartOptions & { config?: PackConfig }): Promise<PolicyDiagnostic[]> {
    const connection = await startAnalyzer(options);
    try {
        await configureAnalyzer(connection, options.config ?? {});
        return await analyzeRun(connection, run);
    } finally {
        connection.close();
    }
}
