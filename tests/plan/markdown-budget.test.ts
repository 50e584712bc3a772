/**
 * GitHub refuses a comment over 65,536 characters (issue 25): every `--format markdown` command the docs, the README
 * and the workflows show stays under it, and so does a 2,000-resource program. What does not fit is collapsed or
 * counted ("N more: see the full plan"), in priority order: the summary, mandatory violations, the cost and the stage
 * move's stateful changes are always there. The JSON plan is the artifact: it is never cut.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { COMMENT_MARKER } from "../../plan/formats/markdown";
import { NOW_ENV } from "../../policies/lib/settings";
import { tempDir } from "../temp";
import { plan, ROOT } from "./helpers";
import { writeSyntheticProgram } from "./synthetic-program";

/** GitHub's limit on an issue or pull-request comment. */
const GITHUB_COMMENT_LIMIT = 65_536;

const DOCUMENTED = ["docs", "README.md", ".github"];

function filesUnder(entry: string): string[] {
    const full = path.join(ROOT, entry);
    if (!fs.statSync(full).isDirectory()) return [full];
    return fs.readdirSync(full).flatMap((name) => filesUnder(path.join(entry, name)));
}

/**
 * Every documented `npm run plan -- <flags> --format markdown` command (shell continuations joined; an elided
 * example with `...` is not a command), as argv: shell
 * variables get a sample value (both stacks for `$STACK`), a baseline file is saved first (the base branch's plan).
 */
function documentedMarkdownCommands(): { source: string; argv: string[]; key: string }[] {
    const commands: { source: string; argv: string[]; key: string }[] = [];
    for (const file of DOCUMENTED.flatMap(filesUnder).filter((f) => /\.(md|ya?ml)$/.test(f))) {
        const text = fs.readFileSync(file, "utf8").replace(/\\\n\s*/g, " ");
        for (const m of text.matchAll(/npm run plan -- ([^\n`|]*--format markdown[^\n`|]*)/g)) {
            const line = m[1].replace(/\s+#.*$/, "").trim();
            if (line.includes("...")) continue;
            const stacks = /"\$STACK"/.test(line) ? ["dev", "prod"] : [""];
            for (const stack of stacks) {
                const argv = line.replace(/"\$STACK"/g, stack).split(/\s+/);
                const source = `${path.relative(ROOT, file)}: npm run plan -- ${argv.join(" ")}`;
                // The same command in several docs (their --out and --baseline paths aside) is run once.
                const key = argv.map((a, i) => (argv[i - 1] === "--out" || argv[i - 1] === "--baseline" ? "<path>" : a)).join(" ");
                const same = commands.find((c) => c.key === key);
                if (same !== undefined) same.source += `; ${source}`;
                else commands.push({ source, argv, key });
            }
        }
    }
    return commands;
}

/** A documented argv made runnable here: files it reads or writes live in a temp folder. */
async function runnable(argv: string[], dir: string): Promise<{ argv: string[]; out: string }> {
    const result = [...argv];
    let out = path.join(dir, "plan.md");
    for (let i = 0; i < result.length - 1; i++) {
        if (result[i] === "--out") {
            out = path.join(dir, path.basename(result[i + 1]));
            result[i + 1] = out;
        } else if (result[i] === "--baseline") {
            const at = result.indexOf("--stack");
            const stack = at >= 0 ? result[at + 1] : "dev";
            const base = path.join(dir, `base-${stack}.json`);
            const saved = await plan(["--stack", stack, "--format", "json", "--out", base], {});
            assert.notStrictEqual(saved.code, 2, saved.stderr);
            result[i + 1] = base;
        } else if (result[i] === "--policy-pack-config") {
            result[i + 1] = path.join(ROOT, result[i + 1]);
        }
    }
    if (!result.includes("--out")) result.push("--out", out);
    return { argv: result, out };
}

/** Under the limit; a plan's comment (not a side-by-side comparison) keeps the marker the workflow looks for. */
function assertUnderLimit(md: string, what: string, comment = true): void {
    assert.ok(md.length < GITHUB_COMMENT_LIMIT, `${what}: ${md.length} characters, GitHub's limit is ${GITHUB_COMMENT_LIMIT}`);
    if (comment) assert.ok(md.trimEnd().endsWith(COMMENT_MARKER), `${what}: the marker the workflow looks for is kept`);
}

describe("plan --format markdown: under GitHub's comment limit", function () {
    this.timeout(180_000);
    const savedNow = process.env[NOW_ENV];
    before(() => {
        process.env[NOW_ENV] = "2026-11-24";
    });
    after(() => {
        if (savedNow === undefined) delete process.env[NOW_ENV];
        else process.env[NOW_ENV] = savedNow;
    });

    const commands = documentedMarkdownCommands();

    it("finds the documented commands: the PR comment of both stacks and the stage moves", () => {
        const sources = commands.map((c) => c.source).join("\n");
        assert.match(sources, /\.github\/workflows\/pull-request\.yml: .*--stack dev --format markdown --baseline/);
        assert.match(sources, /\.github\/workflows\/pull-request\.yml: .*--stack prod --format markdown --baseline/);
        assert.match(sources, /docs\/plan\.md: .*--from hero --stage enterprise --stack prod .*--format markdown/);
        assert.match(sources, /docs\/plan\.md: .*--from zero --stage hero --format markdown/);
    });

    for (const command of commands) {
        it(`${command.source}`, async () => {
            const { argv, out } = await runnable(command.argv, tempDir("markdown"));
            const result = await plan(argv, {});
            assert.notStrictEqual(result.code, 2, result.stderr);
            assertUnderLimit(fs.readFileSync(out, "utf8"), command.source, !argv.some((a) => a.startsWith("--compare")));
        });
    }

    describe("a 2,000-resource program", () => {
        let program: string;
        let md: string;
        let doc: PlanDocument;
        before(async () => {
            program = writeSyntheticProgram(2000);
            const result = await plan(["--program", program, "--format", "markdown"], {});
            assert.notStrictEqual(result.code, 2, result.stderr);
            md = result.stdout;
            doc = JSON.parse((await plan(["--program", program, "--format", "json"], {})).stdout) as PlanDocument;
        });

        it("stays under the limit, summary line first and the marker last", () => {
            assert.strictEqual(doc.resources.length, 2000);
            assertUnderLimit(md, "2,000 resources");
            assert.match(md.split("\n")[0], /^❌ \*\*Runway plan: blocked\*\* — \d+ mandatory violations/);
        });

        it("keeps mandatory violations ahead of the rest and counts what it leaves out", () => {
            const mandatory = doc.violations.filter((v) => v.level === "mandatory");
            assert.ok(mandatory.length > 50, "the synthetic stack has many mandatory findings");
            const firstMandatory = md.indexOf("| ❌ | mandatory |");
            assert.ok(firstMandatory > 0 && firstMandatory < md.indexOf("#### Cost"), "mandatory violations before the cost");
            assert.match(md, /\d[\d,]* more: see the full plan \(`--format json`\)/);
        });

        it("the JSON is complete: every resource, violation and cost line", () => {
            assert.strictEqual(doc.resources.length, 2000);
            assert.ok(doc.cost.lines.length + doc.cost.unpricedResources.length >= 1900, `${doc.cost.lines.length} lines`);
        });
    });
});
