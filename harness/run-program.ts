/**
 * Runs a real Pulumi TypeScript program under Pulumi's own mock runtime and returns everything it declared.
 *
 * This is the one harness behind the tests, the offline plan and the benchmarks:
 *   const run = await runProgram({ program: "index.ts", stack: "dev", preview: true });
 *
 * - The program runs with its own folder as the working directory and the stack config the CLI would give it.
 * - `preview: true` models `pulumi preview`: providers compute nothing, so ids, ARNs and endpoints are unknown.
 * - Resources registered late (e.g. in a `beforeExit` handler) are waited for.
 * - A program that never finishes — awaiting forever, or stuck in synchronous code (see `watchdog.ts`) — fails
 *   with a `timeout` ProgramError after `timeoutMs`.
 * - Runs are serialised: the Pulumi runtime keeps global state, so one program runs at a time per process.
 */
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as runtime from "@pulumi/pulumi/runtime";
import { awsMocks } from "./aws-mocks";
import { installNodeCompat } from "./node-compat";
import { libraryBeforeExitListeners, watchLibraryBeforeExit } from "./late-registrations";
import { OfflineMonitor } from "./stack-references";
import { loadStackConfig } from "./stack-config";
import { installEsmStyleResolution } from "./module-resolution";
import { installEsmPackageSupport } from "./esm-packages";
import { applyFeatureFlags, mockFeatureFlags, outputValue, waitForRPCs } from "./pulumi-internals";
import { skipPromiseStackMapping } from "./promise-stacks";
import type { DeclaredResource, ProgramRun } from "./types";
import { armWatchdog } from "./watchdog";

/** How to run a program. */
export interface RunOptions {
    /** The program's entry file (`index.ts`), absolute or relative to the current directory. */
    program: string;
    /** Stack name; selects `Pulumi.<stack>.yaml`. Default `dev`. */
    stack?: string;
    /** Config overrides (`key` or `namespace:key` → value), as `pulumi up -c key=value`. */
    config?: Record<string, string>;
    /** Model `pulumi preview` (unknown provider outputs) instead of `pulumi up`. Default false. */
    preview?: boolean;
    /** Give up when the program has not finished registering after this long. Default 60 s. */
    timeoutMs?: number;
}

/** Why a program could not be run. */
export type ProgramErrorKind = "missing" | "compile" | "throw" | "timeout" | "config";

/** A program that failed to load, threw, or never finished; carries what it had declared so far. */
export class ProgramError extends Error {
    constructor(
        message: string,
        readonly kind: ProgramErrorKind,
        readonly resources: DeclaredResource[],
        readonly cause?: unknown,
    ) {
        super(message);
    }
}

let queue: Promise<unknown> = Promise.resolve();

/** How long a failed program's outstanding registrations may take to land before the error is reported. */
const DRAIN_AFTER_ERROR_MS = 2_000;

// Libraries may add their late-registration handlers before the first run (when a test imports them): watch now.
watchLibraryBeforeExit();

/** Runs `options.program` under the mock runtime; runs are queued so only one is active at a time. */
export function runProgram(options: RunOptions): Promise<ProgramRun> {
    const next = queue.then(() => runExclusive(options));
    queue = next.catch(() => undefined);
    return next;
}

/** Modules loaded by earlier runs: dropped before the next run so the program's top level runs again. */
const programModules = new Set<string>();

/**
 * Drops the modules earlier runs loaded, so the program's top level runs again — except those the host process
 * itself has imported since (a test importing `ConfigError` must see the class the program throws). The harness's
 * own `require` of the entry file does not count.
 */
function forgetProgramModules(): void {
    const importedByHost = new Set<string>();
    for (const [id, mod] of Object.entries(require.cache)) {
        if (mod && !programModules.has(id) && !id.startsWith(__dirname + path.sep)) {
            for (const child of mod.children ?? []) {
                importedByHost.add(child.id);
            }
        }
    }
    for (const id of programModules) {
        if (!importedByHost.has(id)) {
            delete require.cache[id];
        }
    }
    programModules.clear();
}

async function runExclusive(options: RunOptions): Promise<ProgramRun> {
    const program = path.resolve(options.program);
    const stack = options.stack ?? "dev";
    const preview = options.preview ?? false;
    let resolvedProgram: string;
    try {
        resolvedProgram = require.resolve(program);
    } catch {
        throw new ProgramError(`program not found: ${program}`, "missing", []);
    }
    const stackConfig = loadStackConfig(resolvedProgram, stack, options.config ?? {});
    const region = stackConfig.values["aws:region"] ?? "us-east-1";
    const mocks = awsMocks({ preview, region, providerRegion: (reference) => monitor.providerRegion(reference) });
    const monitor: OfflineMonitor = new OfflineMonitor(mocks, stack, stackConfig.project);

    // The recording monitor goes in through `setMockOptions`, with the features `setMocks` would turn on.
    const features = await mockFeatureFlags();
    pulumi.runtime.setMockOptions(monitor, stackConfig.project, stack, preview);
    applyFeatureFlags(features);
    runtime.setAllConfig(stackConfig.values, stackConfig.secretKeys);
    installEsmStyleResolution();
    installEsmPackageSupport();
    installNodeCompat();
    skipPromiseStackMapping();
    forgetProgramModules();

    const previousCwd = process.cwd();
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    const exitListenersBefore = new Set(process.listeners("beforeExit"));
    const cachedBefore = new Set(Object.keys(require.cache));
    const timeoutMs = options.timeoutMs ?? 60_000;
    let timer: NodeJS.Timeout | undefined;
    let disarm: (() => Promise<void>) | undefined;
    try {
        process.chdir(path.dirname(resolvedProgram));
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(
                () => reject(new ProgramError(`program ${resolvedProgram} did not finish registering resources within ${timeoutMs / 1000} s (${monitor.declared.length} declared so far)`, "timeout", [...monitor.declared])),
                timeoutMs,
            );
        });
        // A program stuck in synchronous code is interrupted by the watchdog; it runs in a later task than this
        // one, so that this function, suspended in the race below, survives the interruption and times out.
        disarm = armWatchdog(Date.now() + timeoutMs);
        const work = (async () => {
            await new Promise((resolve) => setImmediate(resolve));
            const exported = await loadProgram(resolvedProgram);
            await drainRegistrations(exitListenersBefore);
            const outputs = await resolveOutputs(exported);
            await drainRegistrations(exitListenersBefore);
            return outputs;
        })();
        const outputs = await Promise.race([work, timeout]);
        await new Promise((resolve) => setImmediate(resolve));
        if (failures.length > 0) {
            throw new ProgramError(`program ${resolvedProgram} failed: ${describe(failures[0])}`, classify(failures[0]), [...monitor.declared], failures[0]);
        }
        return { project: stackConfig.project, stack, preview, program: resolvedProgram, resources: [...monitor.declared], outputs, config: stackConfig.values };
    } catch (err) {
        if (err instanceof ProgramError) {
            throw err;
        }
        // Let registrations already sent finish (bounded), so the error lists everything declared before the throw.
        await Promise.race([waitForRPCs().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, DRAIN_AFTER_ERROR_MS))]);
        throw new ProgramError(`program ${resolvedProgram} failed: ${describe(err)}`, classify(err), [...monitor.declared], err);
    } finally {
        clearTimeout(timer);
        await disarm?.();
        process.chdir(previousCwd);
        process.removeListener("unhandledRejection", onRejection);
        const libraries = new Set(libraryBeforeExitListeners());
        for (const listener of process.listeners("beforeExit")) {
            if (!exitListenersBefore.has(listener) && !libraries.has(listener)) {
                process.removeListener("beforeExit", listener);
            }
        }
        for (const id of Object.keys(require.cache)) {
            if (!cachedBefore.has(id) && !id.includes(`${path.sep}node_modules${path.sep}`)) {
                programModules.add(id);
            }
        }
        programModules.add(resolvedProgram);
    }
}

/**
 * Loads the program; a program that exports a function (`export = async () => ...`) is called, as the CLI does.
 * An ESM program with top-level await exports a promise of its exports (see `esm-packages.ts`): it is awaited.
 */
async function loadProgram(file: string): Promise<unknown> {
    const loaded: unknown = await Promise.resolve(require(file));
    const exported = isModuleWithDefault(loaded) ? loaded.default : loaded;
    return typeof exported === "function" ? await (exported as () => unknown)() : exported;
}

function isModuleWithDefault(value: unknown): value is { default: unknown } {
    return typeof value === "object" && value !== null && "default" in value && "__esModule" in value && Object.keys(value).length <= 2;
}

/** Waits until no RPC is outstanding, running any `beforeExit` handlers the program added, as Node would on exit. */
async function drainRegistrations(listenersBefore: Set<NodeJS.BeforeExitListener>): Promise<void> {
    const ran = new Set<NodeJS.BeforeExitListener>();
    for (;;) {
        await waitForRPCs();
        const added = process.listeners("beforeExit").filter((l) => !listenersBefore.has(l));
        const pending = [...new Set([...libraryBeforeExitListeners(), ...added])].filter((l) => !ran.has(l));
        if (pending.length === 0) {
            return;
        }
        for (const listener of pending) {
            ran.add(listener);
            listener(0);
        }
    }
}

/** Resolves the program's exports to plain values (unknowns become undefined, secrets stay marked). */
async function resolveOutputs(exported: unknown): Promise<Record<string, unknown>> {
    if (typeof exported !== "object" || exported === null) {
        return {};
    }
    const result: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(exported)) {
        if (key === "__esModule" || typeof value === "function") {
            continue;
        }
        const output = pulumi.output(value);
        const [plain, secret] = await Promise.all([outputValue(output), pulumi.isSecret(output)]);
        result[key] = secret ? { secret: true } : plain;
    }
    return result;
}

/** SWC (ts-node's fast transpiler) reports a syntax error as a plain Error with a Rust backtrace behind it. */
const SWC_SYNTAX_ERROR = /^\s*[x×]\s+(?<what>.+)\n\s*,-\[(?<where>[^\]]+)\][\s\S]*Caused by:\s*\n\s*Syntax Error/;

function describe(err: unknown): string {
    if (err instanceof Error) {
        const swc = SWC_SYNTAX_ERROR.exec(err.message)?.groups;
        if (swc) {
            return `syntax error at ${swc.where}: ${swc.what.trim()}`;
        }
        const location = err.stack?.split("\n").find((l) => l.includes(".ts:") && !l.includes("node_modules"));
        return location ? `${err.message} (${location.trim().replace(/^at /, "at ")})` : err.message;
    }
    return String(err);
}

function classify(err: unknown): ProgramErrorKind {
    if (err instanceof SyntaxError || (err instanceof Error && (/TSError|Unable to compile/.test(`${err.name} ${err.message}`) || SWC_SYNTAX_ERROR.test(err.message)))) {
        return "compile";
    }
    if (err instanceof Error && (err.name === "ConfigError" || /Missing required configuration variable/.test(err.message))) {
        return "config";
    }
    return "throw";
}
