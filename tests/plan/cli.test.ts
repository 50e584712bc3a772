/** The real command line, spawned: stdout holds the report and nothing else; exit codes 0/1/2. */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { FIXTURES, ROOT, SMOKE, spawnPlan } from "./helpers";

describe("plan: the command line (spawned)", function () {
    this.timeout(120_000);

    it("--format json prints exactly one JSON document on stdout; the exit code says whether it is blocked", () => {
        const result = spawnPlan(["--program", SMOKE, "--format", "json"]);
        const doc = JSON.parse(result.stdout) as { stack: string; blocked: boolean };
        assert.strictEqual(doc.stack, "dev");
        assert.strictEqual(result.code, doc.blocked ? 1 : 0, result.stderr);
        assert.strictEqual(result.stdout.trim().endsWith("}"), true);
    });

    it("bad input exits 2 with one line on stderr and nothing on stdout", () => {
        const result = spawnPlan(["--program", SMOKE, "--colour", "red"]);
        assert.strictEqual(result.code, 2);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
    });

    it("a broken program exits 1 naming the resource and its source line", () => {
        const result = spawnPlan(["--program", path.join(FIXTURES, "broken/index.ts")]);
        assert.strictEqual(result.code, 1, result.stderr);
        assert.match(result.stdout, /aws:rds\/instance:Instance customers {2}\(tests\/plan\/fixtures\/broken\/index\.ts:4\)/);
        assert.match(result.stdout, /✖ mandatory\//);
    });

    it("npm run plan is the command the package declares", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
        assert.strictEqual(manifest.scripts.plan, "node -r ./harness/ts-register.js plan/cli.ts");
    });
});
