/** A program that does not type-check is refused, as `pulumi up` refuses it: exit 2 with the first diagnostic. */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../temp";
import { npmRunPlan, ROOT } from "./helpers";

/** The environment of a user's shell: Pulumi's transpile-only switch unset (tests/setup.ts sets it). */
function userEnv(): NodeJS.ProcessEnv {
    const env = { ...process.env };
    delete env.PULUMI_NODEJS_TRANSPILE_ONLY;
    return env;
}

function project(label: string, pulumiYaml: string, program: string): string {
    const dir = tempDir(label);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pulumiYaml);
    fs.writeFileSync(path.join(dir, "index.ts"), program);
    return dir;
}

const WRONG_TYPES = 'import * as aws from "@pulumi/aws";\nconst size: number = "large";\nnew aws.s3.Bucket("b", { bucket: size });\n';

describe("plan: programs that do not type-check", function () {
    this.timeout(120_000);

    it("exit 2 with the first diagnostic as file:line:column, through npm run plan", () => {
        const dir = project("wrong-types", "name: typo\nruntime: nodejs\n", WRONG_TYPES);
        const result = npmRunPlan(["--program", dir, "--format", "json"], 120_000, userEnv());
        assert.strictEqual(result.code, 2, result.stderr);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, /does not type-check, so pulumi up would refuse it: index\.ts:2:7 TS2322: Type 'string' is not assignable to type 'number'\. \(\+1 more\)/);
    });

    it("runs it with Pulumi's own switch PULUMI_NODEJS_TRANSPILE_ONLY=true, as pulumi up does", () => {
        const dir = project("transpile-only", "name: typo\nruntime: nodejs\n", WRONG_TYPES);
        const result = npmRunPlan(["--program", dir, "--format", "json"], 120_000, { ...userEnv(), PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
        assert.notStrictEqual(result.code, 2, result.stderr);
    });
});
