/**
 * The commands the docs show for machine-readable reports give machine-readable files, run verbatim (npm's
 * banner included): `--out`, or `npm run -s` with a shell redirect; and no doc redirects a plain `npm run plan`.
 */
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { tempDir } from "../temp";
import { plan, ROOT } from "./helpers";

const DOCS = ["README.md", "docs/plan.md", "docs/growth.md", ".github/workflows/pull-request.yml", ".github/workflows/deploy.yml"];

/** Every line of the docs that runs the plan. */
function documentedPlanLines(): { file: string; line: string }[] {
    return DOCS.flatMap((file) =>
        fs
            .readFileSync(path.join(ROOT, file), "utf8")
            .split("\n")
            .filter((line) => /npm run( -s| --silent)? plan\b/.test(line))
            .map((line) => ({ file, line: line.trim() })),
    );
}

function shell(command: string): { code: number; stdout: string; stderr: string } {
    const result = spawnSync("bash", ["-c", command], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

describe("plan: documented commands for machine-readable reports", function () {
    this.timeout(120_000);

    it("no doc pipes or redirects a plain `npm run plan` (npm's banner would be in the file)", () => {
        const bad = documentedPlanLines().filter(({ line }) => /npm run plan\b[^#]*(\s>\s|\s\|\s)/.test(line.replace(/\|\| \[ \$\? -eq 1 \]/g, "").replace(/echo .*$/, "")));
        assert.deepStrictEqual(bad, []);
    });

    it("`npm run -s plan -- --format json > plan.json` gives one JSON document, verbatim; so does --out, npm's banner aside", async () => {
        const dir = tempDir("documented");
        const redirected = shell(`npm run -s plan -- --format json > ${dir}/plan.json`);
        assert.ok(redirected.code === 0 || redirected.code === 1, redirected.stderr);
        assert.strictEqual(typeof (JSON.parse(fs.readFileSync(path.join(dir, "plan.json"), "utf8")) as { stack: string }).stack, "string");
        // npm's banner goes to stdout, never into --out's file: the plan itself writes that file.
        const out = await plan(["--format", "json", "--out", `${dir}/out.json`], {});
        assert.ok(out.code === 0 || out.code === 1, out.stderr);
        assert.strictEqual(typeof (JSON.parse(fs.readFileSync(path.join(dir, "out.json"), "utf8")) as { stack: string }).stack, "string");
    });
});
