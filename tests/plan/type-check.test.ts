/** A program that does not type-check is refused, as `pulumi up` refuses it: exit 2 with the first diagnostic. */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { typeCheck } from "../../harness/type-check";
import { tempDir } from "../temp";
import { npmRunPlan, ROOT } from "./helpers";

/** The environment of a user's shell: Pulumi's transpile-only switch unset (tests/setup.ts sets it), a fresh verdict cache. */
const CACHE = tempDir("type-check-cache");
function userEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, RUNWAY_CACHE: CACHE };
    delete env.PULUMI_NODEJS_TRANSPILE_ONLY;
    return env;
}

function project(label: string, files: Record<string, string>): string {
    const dir = tempDir(label);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: typo\nruntime: nodejs\n");
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
}

/** Runs `work` with the user's environment in this process (the checker thread reads it as it starts a check). */
async function asUser<T>(work: () => Promise<T>): Promise<T> {
    const saved = { ...process.env };
    Object.assign(process.env, userEnv());
    delete process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
    try {
        return await work();
    } finally {
        for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
        Object.assign(process.env, saved);
    }
}

// Against @pulumi/pulumi's declarations only: @pulumi/aws's take ~15 s to parse, the same check either way.
const WRONG_TYPES = 'import * as pulumi from "@pulumi/pulumi";\nconst size: number = "large";\nexport const name: pulumi.Output<string> = pulumi.output(size);\n';

describe("plan: programs that do not type-check", function () {
    this.timeout(180_000);

    it("exit 2 with the first diagnostic as file:line:column, through npm run plan", () => {
        const dir = project("wrong-types", { "index.ts": WRONG_TYPES });
        const result = npmRunPlan(["--program", dir, "--format", "json"], 180_000, userEnv());
        assert.strictEqual(result.code, 2, result.stderr);
        assert.strictEqual(result.stdout, "");
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
        assert.match(result.stderr, /does not type-check, so pulumi up would refuse it: index\.ts:2:7 TS2322: Type 'string' is not assignable to type 'number'\. \(\+1 more\)/);
    });

    it("a remembered verdict never outlives a change: fixed, the program checks; broken again, it is refused again", async () => {
        const dir = project("fixed-later", { "index.ts": WRONG_TYPES });
        const program = path.join(dir, "index.ts");
        await asUser(async () => {
            assert.match((await typeCheck(program))?.message ?? "", /TS2322/);
            assert.match((await typeCheck(program))?.message ?? "", /TS2322/, "the same verdict from the cache");
            fs.writeFileSync(program, WRONG_TYPES.replace('const size: number = "large"', 'const size: string = "large"'));
            assert.strictEqual(await typeCheck(program), undefined);
            fs.writeFileSync(program, WRONG_TYPES);
            assert.match((await typeCheck(program))?.message ?? "", /TS2322/);
        });
    });

    it("an ES module package (type: module, no tsconfig) may use top-level await, as ts-node's ESM defaults allow", async () => {
        const dir = project("esm", {
            "package.json": JSON.stringify({ type: "module" }),
            "index.ts": 'import * as pulumi from "@pulumi/pulumi";\nconst zones = await Promise.resolve(["a", "b"]);\nexport const count = pulumi.output(zones.length);\n',
        });
        await asUser(async () => assert.strictEqual(await typeCheck(path.join(dir, "index.ts")), undefined));
    });

    it("runs it with Pulumi's own switch PULUMI_NODEJS_TRANSPILE_ONLY=true, as pulumi up does", () => {
        const dir = project("transpile-only", { "index.ts": WRONG_TYPES });
        const result = npmRunPlan(["--program", dir, "--format", "json"], 120_000, { ...userEnv(), PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
        assert.notStrictEqual(result.code, 2, result.stderr);
    });
});
