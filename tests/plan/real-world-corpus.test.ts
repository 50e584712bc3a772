/**
 * Every program of the real-world corpus (each folder of tests/fixtures/real-world with a Pulumi.yaml, discovered)
 * planned in-process with Runway's own pack, as `pulumi up` (update) and as `pulumi preview` (`--preview`):
 * the plan judges and prices it (exit 0 or 1), never refuses it (exit 2), and prints a whole JSON document.
 *
 * The runs skip the type check `--program` does (`PULUMI_NODEJS_TRANSPILE_ONLY`, as Pulumi honours it): the corpus
 * is type-checked by the repository's `tsc` (tsconfig includes tests/**), and checking 28 programs again here would
 * triple the time (about 1.5 s each plus ~15 s to load the @pulumi/aws declarations once). The survey script runs
 * the same plans with the check: `node -r ./harness/ts-register.js tests/fixtures/real-world/survey.ts`.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import type { PlanDocument } from "../../plan/document";
import { corpusPrograms, surveyProgram, type CorpusProgram } from "../fixtures/real-world/survey";

/**
 * Programs the plan cannot run yet for a reason already being fixed elsewhere, with the exit-2 message expected.
 * Only for `--program <folder>` support and regions without a price table (both landed: none pending). An entry
 * whose program starts passing fails its case: delete the entry then.
 */
const KNOWN_FAILURES: Record<string, RegExp> = {};

const MIN_PROGRAMS = 25;
const MIN_OUTSIDE_US_EAST_1 = 12;

/** The region the program's dev stack file (or project file) declares, else us-east-1, as the plan resolves it. */
function declaredRegion(program: CorpusProgram): string {
    for (const file of ["Pulumi.dev.yaml", "Pulumi.yaml"]) {
        const full = path.join(program.dir, file);
        if (!fs.existsSync(full)) continue;
        const doc = yaml.load(fs.readFileSync(full, "utf8")) as { config?: Record<string, unknown> } | undefined;
        const region = doc?.config?.["aws:region"];
        if (typeof region === "string") return region;
    }
    return "us-east-1";
}

function checkDocument(program: CorpusProgram, preview: boolean, doc: PlanDocument): void {
    const what = `${program.name}${preview ? " --preview" : ""}`;
    assert.ok(doc.resources.length > 0, `${what}: no resources`);
    assert.strictEqual(doc.preview, preview, `${what}: preview flag`);
    const cost = doc.cost;
    assert.ok(cost && typeof cost === "object", `${what}: no cost block`);
    assert.ok(Number.isFinite(cost.monthlyUsd) && cost.monthlyUsd >= 0, `${what}: monthlyUsd ${cost.monthlyUsd}`);
    assert.strictEqual(cost.currency, "USD");
    assert.ok(Array.isArray(cost.lines) && Array.isArray(cost.unpriced) && Array.isArray(cost.notes), `${what}: cost lines/unpriced/notes`);
    assert.strictEqual(cost.region, declaredRegion(program), `${what}: priced in the region its stack declares`);
    const urns = new Set(doc.resources.map((r) => r.urn));
    for (const line of cost.lines) {
        assert.ok(urns.has(line.urn), `${what}: cost line for an undeclared resource ${line.urn}`);
        assert.ok(Number.isFinite(line.monthlyUsd) && line.monthlyUsd >= 0, `${what}: ${line.urn} costs ${line.monthlyUsd}`);
    }
}

describe("plan: the real-world corpus (every folder of tests/fixtures/real-world, update and --preview)", function () {
    this.timeout(120_000);
    const programs = corpusPrograms();

    for (const program of programs) {
        for (const preview of [false, true]) {
            const mode = preview ? "--preview" : "update";
            const known = KNOWN_FAILURES[program.name];
            it(`${program.name} (${mode})${known ? " [known failure]" : ""}`, async () => {
                const { result, doc } = await surveyProgram(program, preview, false);
                if (known) {
                    assert.strictEqual(result.code, 2, `${program.name} now runs: remove it from KNOWN_FAILURES`);
                    assert.match(result.stderr, known);
                    return;
                }
                assert.ok(result.code === 0 || result.code === 1, `exit ${result.code} for ${program.name} (${mode}): ${result.stderr.trim()}`);
                assert.ok(doc, `stdout is not a JSON plan document: ${result.stdout.slice(0, 200)}`);
                checkDocument(program, preview, doc);
            });
        }
    }

    it(`holds at least ${MIN_PROGRAMS} programs, at least ${MIN_OUTSIDE_US_EAST_1} of them outside us-east-1 (each run checks its region)`, () => {
        assert.ok(programs.length >= MIN_PROGRAMS, `${programs.length} programs`);
        const outside = programs.filter((p) => declaredRegion(p) !== "us-east-1").map((p) => p.name);
        assert.ok(outside.length >= MIN_OUTSIDE_US_EAST_1, `outside us-east-1: ${outside.join(", ")}`);
    });
});
