/**
 * Pulumi projects are folders: `--program <folder>` runs the folder's program, and a program file finds its own
 * `Pulumi.yaml` (name, config, stacks) up the tree, as `pulumi up` would. (Through `npm run plan` with a folder:
 * tests/plan/regions.test.ts.)
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { tempDir } from "../temp";
import { plan, rejects, ROOT } from "./helpers";

const BUCKET_PROGRAM = 'import * as aws from "@pulumi/aws";\nimport * as pulumi from "@pulumi/pulumi";\nconst cfg = new pulumi.Config();\nexport const bucket = new aws.s3.Bucket(cfg.require("bucketName")).id;\n';

/** A project folder with `files` (path → content); node_modules links to Runway's so @pulumi/* resolve. */
function project(label: string, files: Record<string, string>): string {
    const dir = tempDir(label);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

async function planDoc(argv: string[]): Promise<PlanDocument> {
    const result = await plan([...argv, "--format", "json"]);
    assert.notStrictEqual(result.code, 2, result.stderr);
    return JSON.parse(result.stdout) as PlanDocument;
}

const bucketNames = (doc: PlanDocument): string[] => doc.resources.filter((r) => r.type === "aws:s3/bucket:Bucket").map((r) => r.name);

describe("plan: projects are folders", function () {
    this.timeout(60_000);

    it("--program <folder> runs the folder's index.ts with the folder's Pulumi.yaml and stack file", async () => {
        const dir = project("index", { "Pulumi.yaml": "name: shop\nruntime: nodejs\n", "Pulumi.dev.yaml": "config:\n  shop:bucketName: from-stack-file\n", "index.ts": BUCKET_PROGRAM });
        const doc = await planDoc(["--program", dir]);
        assert.deepStrictEqual(bucketNames(doc), ["from-stack-file"]);
        assert.ok(doc.resources.every((r) => r.urn.startsWith("urn:pulumi:dev::shop::")));
    });

    it("--program <folder> follows Pulumi.yaml main: a file, or a folder (its index.ts)", async () => {
        const file = project("main-file", { "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: infra/app.ts\nconfig:\n  shop:bucketName: main-file\n", "infra/app.ts": BUCKET_PROGRAM });
        assert.deepStrictEqual(bucketNames(await planDoc(["--program", file])), ["main-file"]);
        const folder = project("main-folder", { "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: infra/\nconfig:\n  shop:bucketName: main-folder\n", "infra/index.ts": BUCKET_PROGRAM });
        assert.deepStrictEqual(bucketNames(await planDoc(["--program", folder])), ["main-folder"]);
    });

    it("--program <folder> without Pulumi.yaml main follows package.json main", async () => {
        const dir = project("package-main", {
            "Pulumi.yaml": "name: shop\nruntime: nodejs\nconfig:\n  shop:bucketName: package-main\n",
            "package.json": JSON.stringify({ name: "shop", main: "src/program.ts" }),
            "src/program.ts": BUCKET_PROGRAM,
        });
        assert.deepStrictEqual(bucketNames(await planDoc(["--program", dir])), ["package-main"]);
    });

    it("a src/index.ts program with Pulumi.yaml one level up runs as that project, with its config", async () => {
        const dir = project("src-layout", { "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: src/index.ts\n", "Pulumi.dev.yaml": "config:\n  shop:bucketName: src-layout\n", "src/index.ts": BUCKET_PROGRAM });
        const doc = await planDoc(["--program", path.join(dir, "src/index.ts")]);
        assert.deepStrictEqual(bucketNames(doc), ["src-layout"]);
        assert.ok(doc.resources.every((r) => r.urn.includes("::shop::")), "project name from the Pulumi.yaml above");
    });

    it("a program inside another project's folder does not inherit that project (Runway's own fixtures)", async () => {
        const doc = await planDoc(["--program", path.join(ROOT, "tests/fixtures/programs/two-buckets/index.ts")]);
        assert.ok(doc.resources.every((r) => r.urn.includes("::project::")), doc.resources[0]?.urn);
    });

    it("a folder with no program is one clear line, exit 2", async () => {
        const dir = project("empty", { "Pulumi.yaml": "name: shop\nruntime: nodejs\nmain: nowhere/\n" });
        await rejects(["--program", dir], /is a folder with no program in it \(looked for Pulumi\.yaml main: nowhere\/\)/);
        await rejects(["--program", path.join(dir, "missing")], /does not exist \(give a Pulumi project folder or its program file/);
    });
});
