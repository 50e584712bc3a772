/**
 * The engine tier's one helper: the real Pulumi CLI (`npm run --silent engine -- ...`, exactly as users run it) on a
 * copy of a project, each test with its own engine home (state, PULUMI_HOME, stand-in plugins, call log), and the
 * plan on the same program for comparison.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ensureEngine } from "../../engine/install";
import { readCallLog, type ProviderCall } from "../../engine/stand-in/call-log";
import { main } from "../../plan/main";
import { tempDir } from "../temp";

export const ROOT = path.resolve(__dirname, "../..");
export const POLICY_PACK = path.join(ROOT, "policies");

/** Builds the engine once per run (cached across runs by engine/install.ts). */
export function engineReady(): void {
    ensureEngine({ log: (line) => process.stderr.write(`${line}\n`) });
}

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
}

/** A project copied into a temporary folder with its own engine home. */
export class EngineProject {
    readonly home: string;
    readonly callLog: string;

    constructor(readonly dir: string) {
        this.home = tempDir("engine-home");
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
            steps.push({ op: meta.op, urn: meta.urn, type: meta.type, parent: state.parent ?? "", protect: state.protect === true, retainOnDelete: state.retainOnDelete === true });
        }
    }
    return { policies, steps };
}

/** Runway's own project copied (sources, stack files, the compiled pack stays in the checkout), node_modules linked. */
export function copyRunway(): EngineProject {
    const dir = tempDir("runway-project");
    const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
        .split("\n")
        .filter((file) => file !== "" && !/^(tests|bench|docs|engine|\.ci|\.github)\//.test(file));
    for (const file of files) {
        fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
    }
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return new EngineProject(dir);
}

/**
 * A fixture program as a Pulumi project of its own: its folder's files copied (a Pulumi.yaml written when it has
 * none, named `name`), node_modules linked to Runway's.
 */
export function fixtureProject(name: string, programFile: string): EngineProject {
    const dir = tempDir(`program-${name}`);
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
    return new EngineProject(dir);
}

/** The plan's JSON document for `argv` (in-process, the same code as `npm run plan`). */
export interface PlanJson {
    resources: Array<{ urn: string; type: string; parent: string | null; protect: boolean; retainOnDelete: boolean }>;
    violations: Array<{ policy: string; level: string; urn: string | null }>;
    waived: Array<{ policy: string; urn: string }>;
    notEvaluated: Array<{ policy: string; urn: string }>;
}

export async function planJson(argv: string[]): Promise<{ code: number; doc: PlanJson }> {
    let stdout = "";
    let stderr = "";
    const code = await main(["--format", "json", ...argv], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    if (code === 2) throw new Error(`plan ${argv.join(" ")}: ${stderr}`);
    return { code, doc: JSON.parse(stdout) as PlanJson };
}

/**
 * Engine resources in the plan's terms: no stack resource, no provider resources, and a parent that is the stack
 * written as "" (the plan's JSON contract says `parent: null` for "directly under the stack").
 */
export function declaredSteps(steps: EngineStep[]): EngineStep[] {
    const stack = steps.find((step) => step.type === "pulumi:pulumi:Stack")?.urn;
    return steps
        .filter((step) => step.type !== "pulumi:pulumi:Stack" && !step.type.startsWith("pulumi:providers:"))
        .map((step) => (step.parent === stack ? { ...step, parent: "" } : step));
}

/** The `runway-finding {json}` markers Runway's pack writes into a CrossGuard message (one per finding). */
const FINDING_MARKER = /^runway-finding (\{.*\})$/gm;

/**
 * `policy urn` keys of the mandatory findings in the engine's events, sorted. Runway's pack reports graph and
 * stack findings through its stack policies (CrossGuard's `policyName` is then `runway-graph`); the finding's own
 * rule and resource are in its marker, which is what the plan reports too.
 */
export function mandatoryEvents(events: PolicyEvent[]): string[] {
    const stackUrn = (urn: string | null | undefined): string => (urn === undefined || urn === null || urn.includes("::pulumi:pulumi:Stack::") ? "(stack)" : urn);
    return events
        .filter((event) => event.enforcementLevel === "mandatory")
        .flatMap((event) => {
            const markers = [...event.message.matchAll(FINDING_MARKER)].map((match) => JSON.parse(match[1] ?? "{}") as { policy: string; urn?: string | null; status: string });
            if (markers.length === 0) return [`${event.policyName} ${stackUrn(event.resourceUrn)}`];
            // A stack-wide finding names the Stack resource under the engine and `null` in the plan (its contract).
            return markers.filter((marker) => marker.status === "violation").map((marker) => `${marker.policy} ${stackUrn(marker.urn)}`);
        })
        .sort();
}

/** The same keys from the plan. */
export function mandatoryViolations(doc: PlanJson): string[] {
    return doc.violations
        .filter((violation) => violation.level === "mandatory")
        .map((violation) => `${violation.policy} ${violation.urn ?? "(stack)"}`)
        .sort();
}
