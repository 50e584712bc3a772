/**
 * Bad output paths are bad input (one line, exit 2), and a plan of someone else's program writes nothing into
 * Runway's own folder: the diagram goes beside `--out`, else into the program's project folder.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../temp";
import { plan, rejects, ROOT, SMOKE } from "./helpers";

const SMOKE_DIR = path.dirname(SMOKE);

describe("plan: output paths", function () {
    this.timeout(60_000);

    it("--out <directory> is one line, exit 2, and leaves no stray .mmd behind", async () => {
        const dir = tempDir("out-dir");
        await rejects(["--program", SMOKE, "--out", dir], /--out .* is a directory: give a file path/);
        await rejects(["--program", SMOKE, "--out", `${dir}/`], /is a directory/);
        assert.deepStrictEqual(fs.readdirSync(dir), []);
        assert.ok(!fs.existsSync(path.join(path.dirname(dir), ".mmd")));
        assert.ok(!fs.existsSync(`${dir}.mmd`));
    });

    it("an unwritable --out (below a regular file) is one line, exit 2, before the program runs", async () => {
        const file = path.join(tempDir("out-file"), "report.txt");
        fs.writeFileSync(file, "a file, not a folder");
        await rejects(["--program", SMOKE, "--out", path.join(file, "plan.json"), "--format", "json"], /cannot write --out .*plan\.json: .*not a directory/i);
    });

    it("a full disk (/dev/full) is one line, exit 2, not an internal error", async () => {
        await rejects(["--program", SMOKE, "--out", "/dev/full", "--format", "json"], /cannot write --out \/dev\/full: no space left on device/i);
    });

    it("--program without --out writes the diagram into the program's folder, never into Runway's plan-out/", async () => {
        const before = fs.existsSync(path.join(ROOT, "plan-out")) ? fs.readdirSync(path.join(ROOT, "plan-out")).map((f) => [f, fs.statSync(path.join(ROOT, "plan-out", f)).mtimeMs]) : [];
        const result = await plan(["--program", SMOKE]);
        assert.notStrictEqual(result.code, 2, result.stderr);
        const diagram = path.join(SMOKE_DIR, "plan-out", "dev-strict.mmd");
        assert.ok(fs.existsSync(diagram), result.stdout.split("\n").filter((l) => /Diagram/.test(l)).join("\n"));
        assert.match(result.stdout, /Diagram: .*tests\/fixtures\/programs\/smoke\/plan-out\/dev-strict\.mmd/);
        const after = fs.existsSync(path.join(ROOT, "plan-out")) ? fs.readdirSync(path.join(ROOT, "plan-out")).map((f) => [f, fs.statSync(path.join(ROOT, "plan-out", f)).mtimeMs]) : [];
        assert.deepStrictEqual(after, before, "Runway's plan-out/ untouched");
    });

    it("--out <file> puts the diagram beside it, named after it", async () => {
        const dir = tempDir("out-beside");
        const result = await plan(["--program", SMOKE, "--out", path.join(dir, "report.txt")]);
        assert.notStrictEqual(result.code, 2, result.stderr);
        assert.deepStrictEqual(fs.readdirSync(dir).sort(), ["report.mmd", "report.txt"]);
    });
});
