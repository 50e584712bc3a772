/**
 * The GitHub workflows cannot run here (no cloud, no GitHub): these tests parse them and check the job graph,
 * the triggers, the secrets they name, and that every `npm run plan` step is a command the plan accepts — the
 * same command a developer runs locally.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { parseArgs } from "../../plan/args";
import { COMMENT_MARKER } from "../../plan/formats/markdown";

interface Step {
    name?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    if?: string;
}
interface Job {
    needs?: string | string[];
    environment?: string;
    permissions?: Record<string, string>;
    steps: Step[];
}
interface Workflow {
    name: string;
    on: Record<string, unknown>;
    jobs: Record<string, Job>;
}

const DIR = path.resolve(__dirname, "../../.github/workflows");

function load(file: string): Workflow {
    return yaml.load(fs.readFileSync(path.join(DIR, file), "utf8")) as Workflow;
}

function needs(job: Job): string[] {
    return job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs];
}

/** Every `npm run plan -- ...` command in a workflow, as argv (shell variables replaced by sample values). */
function planCommands(workflow: Workflow): string[][] {
    const commands: string[][] = [];
    for (const job of Object.values(workflow.jobs)) {
        for (const step of job.steps) {
            for (const line of (step.run ?? "").split("\n")) {
                const m = /npm run plan -- (.*?)(\s*\|\|.*)?$/.exec(line.trim());
                if (m) {
                    const argv = m[1].replace(/"\$STACK"|\$\{\{ matrix\.stack \}\}/g, "dev").split(/\s+/);
                    commands.push(argv);
                }
            }
        }
    }
    return commands;
}

function acyclic(workflow: Workflow): boolean {
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (name: string): boolean => {
        if (done.has(name)) return true;
        if (visiting.has(name)) return false;
        visiting.add(name);
        const ok = needs(workflow.jobs[name]).every((n) => n in workflow.jobs && visit(n));
        done.add(name);
        return ok;
    };
    return Object.keys(workflow.jobs).every(visit);
}

describe("workflows: pull request", () => {
    const wf = load("pull-request.yml");

    it("runs on pull requests to main, with a job graph that is a DAG", () => {
        assert.deepStrictEqual(Object.keys(wf.on), ["pull_request"]);
        assert.ok(acyclic(wf));
        assert.deepStrictEqual(needs(wf.jobs.plan), ["stack"]);
        assert.deepStrictEqual(needs(wf.jobs.preview), ["stack"]);
    });

    it("plans offline with the same commands as locally: base-branch JSON as baseline, markdown comment, SARIF", () => {
        const commands = planCommands(wf);
        for (const argv of commands) assert.doesNotThrow(() => parseArgs(argv), argv.join(" "));
        const formats = commands.map((argv) => parseArgs(argv));
        assert.ok(formats.some((a) => a.format === "json" && a.out === "../base-plan.json"));
        assert.ok(formats.some((a) => a.format === "markdown" && a.baseline === "../base-plan.json"));
        assert.ok(formats.some((a) => a.format === "sarif"));
    });

    it("posts one comment, found by the plan's marker and updated in place", () => {
        const script = String(wf.jobs.plan.steps.find((s) => s.uses?.startsWith("actions/github-script"))?.with?.script ?? "");
        assert.ok(script.includes(COMMENT_MARKER));
        assert.match(script, /updateComment/);
        assert.match(script, /createComment/);
        assert.strictEqual(wf.jobs.plan.permissions?.["pull-requests"], "write");
    });

    it("uploads SARIF to code scanning and fails the job when the plan is blocked", () => {
        const upload = wf.jobs.plan.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
        assert.strictEqual(upload?.with?.sarif_file, "plan.sarif");
        assert.strictEqual(wf.jobs.plan.permissions?.["security-events"], "write");
        const steps = wf.jobs.plan.steps;
        const gate = steps.findIndex((s) => s.if?.includes("steps.plan.outputs.exit-code"));
        assert.ok(gate > steps.indexOf(upload as Step), "the comment and SARIF are published before the job fails");
    });

    it("runs pulumi preview with the policy pack via pulumi/actions, on the changed stack", () => {
        const preview = wf.jobs.preview.steps.find((s) => s.uses?.startsWith("pulumi/actions"));
        assert.strictEqual(preview?.with?.command, "preview");
        assert.strictEqual(preview?.with?.policyPacks, "policies");
        assert.match(String(preview?.with?.["stack-name"]), /needs\.stack\.outputs\.name/);
        assert.strictEqual(preview?.env?.PULUMI_ACCESS_TOKEN, "${{ secrets.PULUMI_ACCESS_TOKEN }}");
    });
});

describe("workflows: deploy", () => {
    const wf = load("deploy.yml");

    it("runs on push to main: plan gate → pulumi up dev → prod after manual approval", () => {
        assert.deepStrictEqual(wf.on, { push: { branches: ["main"] } });
        assert.ok(acyclic(wf));
        assert.deepStrictEqual(needs(wf.jobs["up-dev"]), ["plan"]);
        assert.deepStrictEqual(needs(wf.jobs["up-prod"]), ["up-dev"]);
        assert.strictEqual(wf.jobs["up-prod"].environment, "production");
        for (const [job, stack] of [["up-dev", "dev"], ["up-prod", "prod"]]) {
            const up = wf.jobs[job].steps.find((s) => s.uses?.startsWith("pulumi/actions"));
            assert.strictEqual(up?.with?.command, "up");
            assert.match(String(up?.with?.["stack-name"]), new RegExp(`/runway/${stack}$`));
            assert.strictEqual(up?.with?.policyPacks, "policies");
        }
    });

    it("the gate is the local command", () => {
        const commands = planCommands(wf);
        assert.ok(commands.length > 0);
        for (const argv of commands) assert.doesNotThrow(() => parseArgs(argv));
    });
});
