/**
 * Programs that misbehave, run through the real command line (spawned): stdout keeps exactly the report, the
 * process ends, and a program that cannot be planned is exit 2 with one line on stderr.
 */
import * as assert from "assert";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { FIXTURES, npmRunPlan, spawnPlan } from "./helpers";

describe("plan: misbehaving programs (spawned)", function () {
    this.timeout(120_000);

    it("a program that writes to stdout (now, in an apply, from a timer) does not corrupt --format json", () => {
        const result = spawnPlan(["--program", path.join(FIXTURES, "chatty/index.ts"), "--format", "json"]);
        const doc = JSON.parse(result.stdout) as PlanDocument;
        assert.ok(doc.resources.some((r) => r.name === "chatty"));
        assert.strictEqual(result.code, doc.blocked ? 1 : 0, result.stderr);
        assert.match(result.stderr, /hello from the program/, "the program's output went to stderr");
    });

    it("a program that calls process.exit: exit 2, one line on stderr naming the line, nothing on stdout", () => {
        const result = spawnPlan(["--program", path.join(FIXTURES, "exits/index.ts"), "--format", "json"]);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, /process\.exit\(3\).*exits\/index\.ts:5/);
    });

    it("a program that leaves an interval running: the plan still ends once the report is written", () => {
        const started = Date.now();
        const result = spawnPlan(["--program", path.join(FIXTURES, "lingers/index.ts"), "--format", "json"]);
        assert.notStrictEqual(result.code, -1, "the plan did not end (killed by the spawn timeout)");
        assert.ok((JSON.parse(result.stdout) as PlanDocument).resources.some((r) => r.name === "lingers"));
        assert.ok(Date.now() - started < 60_000);
    });

    it("a program that never finishes registering: exit 2 after --timeout, one line, nothing on stdout", () => {
        const result = spawnPlan(["--program", path.join(FIXTURES, "never-finishes/index.ts"), "--timeout", "1", "--format", "json"]);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, /did not finish registering resources within 1 s.*raise --timeout/);
    });

    it("a program stuck in synchronous code (while loop at its top level): exit 2 after --timeout, one line, through npm run plan", () => {
        const started = Date.now();
        const result = npmRunPlan(["--program", "tests/fixtures/programs/busy-loop/index.ts", "--timeout", "1", "--format", "json"], 30_000);
        assert.ok(!result.timedOut, "the plan hung: no watchdog stopped the program");
        assert.strictEqual(result.code, 2, result.stderr);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, /did not finish registering resources within 1 s.*raise --timeout/);
        assert.ok(Date.now() - started < 30_000);
    });

    // Its speed is a benchmark's business (npm run bench), not a test's: spawnPlan's own time limit only stops a hang.
    // A whole 2,000-resource plan is tests/plan/markdown-budget.test.ts's; here, that a report far larger than a pipe's
    // buffer reaches stdout whole before the CLI ends the process.
    it("a big generated program (500 queues, a JSON report many times a pipe's buffer) reaches stdout whole", () => {
        const result = spawnPlan(["--program", path.join(FIXTURES, "huge/index.ts"), "--config", "count=500", "--format", "json", "--usage", "none"]);
        assert.notStrictEqual(result.code, 2, result.stderr);
        assert.ok(result.stdout.length > 4 * 65_536, `${result.stdout.length} characters`);
        assert.strictEqual((JSON.parse(result.stdout) as PlanDocument).resources.filter((r) => r.type === "aws:sqs/queue:Queue").length, 500);
    });
});
