/**
 * A Pulumi project run by the real CLI (`npm run --silent engine -- -C <dir> ...`, exactly as users run it), with its
 * own engine home (state, PULUMI_HOME, stand-in plugins, call log): the engine tier's tests and the lab use it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { readCallLog, type ProviderCall } from "./stand-in/call-log";
import { REPO_ROOT as ROOT } from "./paths";

/** What the CLI printed and returned. */
export interface EngineResult {
    code: number;
    stdout: string;
    stderr: string;
}

/** One policy event of `--event-log`. */
export interface PolicyEvent {
    resourceUrn?: string;
    policyName: string;
    policyPackName: string;
    enforcementLevel: string;
    message: string;
}

/** One resource as the engine stepped it (`resourcePreEvent` of `--event-log`). */
export interface EngineStep {
    op: string;
    urn: string;
    type: string;
    parent: string;
    protect: boolean;
    retainOnDelete: boolean;
    /** The URN the resource had in the state before, when the engine moved it through an alias. */
    oldUrn?: string;
}

/** A project copied into a temporary folder with its own engine home. */
export class EngineProject {
    readonly home: string;
    readonly callLog: string;

    constructor(
        readonly dir: string,
        home: string,
    ) {
        this.home = home;
        this.callLog = path.join(this.home, "calls.log");
    }

    /** `npm run --silent engine -- -C <dir> <args>`. */
    run(args: string[], env: NodeJS.ProcessEnv = {}): EngineResult {
        const result = spawnSync("npm", ["run", "--silent", "engine", "--", "-C", this.dir, ...args], {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, RUNWAY_ENGINE_HOME: this.home, RUNWAY_STANDIN_LOG: this.callLog, ...env },
            timeout: 300_000,
            maxBuffer: 256 * 2 ** 20,
        });
        return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    }

    /** Runs and fails the test with pulumi's output when the exit code is not the expected one. */
    must(args: string[], expectedCode = 0, env: NodeJS.ProcessEnv = {}): EngineResult {
        const result = this.run(args, env);
        if (result.code !== expectedCode) {
            throw new Error(`pulumi ${args.join(" ")} exited ${result.code}, expected ${expectedCode}\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
        }
        return result;
    }

    initStack(stack: string, config: Record<string, string> = {}): void {
        this.must(["stack", "init", stack, "--non-interactive"]);
        this.setConfig(stack, config);
    }

    setConfig(stack: string, config: Record<string, string>): void {
        for (const [key, value] of Object.entries(config)) {
            this.must(["config", "set", "--stack", stack, "--path=false", key, value]);
        }
    }

    /** `preview` or `up` with an event log; returns the result, the policy events and the resource steps. */
    operation(kind: "preview" | "up", stack: string, extra: string[] = [], expectedCode?: number): EngineRun {
        const log = path.join(this.home, `events-${Date.now()}-${Math.random().toString(16).slice(2)}.json`);
        const args = [kind, "--stack", stack, "--non-interactive", "--event-log", log, ...(kind === "up" ? ["--yes", "--skip-preview"] : []), ...extra];
        const result = expectedCode === undefined ? this.run(args) : this.must(args, expectedCode);
        return { ...result, ...readEvents(log) };
    }

    /** Every provider call the stand-ins logged so far. */
    calls(): ProviderCall[] {
        return fs.existsSync(this.callLog) ? readCallLog(fs.readFileSync(this.callLog, "utf8")) : [];
    }
}

export interface EngineRun extends EngineResult {
    policies: PolicyEvent[];
    steps: EngineStep[];
}

interface RawEvent {
    policyEvent?: PolicyEvent;
    resourcePreEvent?: { metadata: { op: string; urn: string; type: string; new?: Partial<EngineStep> | null; old?: Partial<EngineStep> | null } };
}

export function readEvents(file: string): { policies: PolicyEvent[]; steps: EngineStep[] } {
    const policies: PolicyEvent[] = [];
    const steps: EngineStep[] = [];
    if (!fs.existsSync(file)) return { policies, steps };
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
        if (line.trim() === "") continue;
        const event = JSON.parse(line) as RawEvent;
        if (event.policyEvent) policies.push(event.policyEvent);
        const meta = event.resourcePreEvent?.metadata;
        if (meta) {
            const state = meta.new ?? meta.old ?? {};
            const oldUrn = meta.old?.urn;
            steps.push({
                op: meta.op,
                urn: meta.urn,
                type: meta.type,
                parent: state.parent ?? "",
                protect: state.protect === true,
                retainOnDelete: state.retainOnDelete === true,
                ...(oldUrn !== undefined && oldUrn !== meta.urn ? { oldUrn } : {}),
            });
        }
    }
    return { policies, steps };
}

/** Runway's own project copied into `dir` (sources, stack files, the compiled pack stays in the checkout), node_modules linked. */
export function copyRunway(dir: string, home: string): EngineProject {
    const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
        .split("\n")
        .filter((file) => file !== "" && !/^(tests|lab|fixtures|docs|engine|\.ci|\.github)\//.test(file));
    for (const file of files) {
        fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return new EngineProject(dir, home);
}

/**
 * A fixture program as a Pulumi project of its own: its folder's files copied (a Pulumi.yaml written when it has
 * none, named `name`), node_modules linked to Runway's.
 */
export function fixtureProject(name: string, programFile: string, dir: string, home: string): EngineProject {
    const source = path.dirname(programFile);
    for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
        if (entry.isFile()) fs.copyFileSync(path.join(source, entry.name), path.join(dir, entry.name));
    }
    if (!fs.existsSync(path.join(dir, "Pulumi.yaml"))) {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`);
    }
    if (!fs.existsSync(path.join(dir, "package.json"))) {
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, main: path.basename(programFile) }));
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return new EngineProject(dir, home);
}

