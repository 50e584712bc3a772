/**
 * The first screen of the text report (issue 25): the verdict and its violations (with their explanation) come
 * first, then the cost lines that cost money; free resources are one count by type, not a `$0.00` line each; the
 * resource tree follows. `[aliased]` only means something in a stage move (`--from`), so only a move shows it.
 */
import * as assert from "assert";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { plan, ROOT } from "./helpers";

async function report(argv: string[], format = "text"): Promise<string> {
    const result = await plan([...argv, "--format", format], {});
    assert.notStrictEqual(result.code, 2, result.stderr);
    return result.stdout;
}

describe("plan --format text: the first screen", function () {
    this.timeout(120_000);
    let text: string;
    let lines: string[];
    let doc: PlanDocument;
    before(async () => {
        text = await report(["--stage", "hero"]);
        lines = text.split("\n");
        doc = JSON.parse(await report(["--stage", "hero"], "json")) as PlanDocument;
    });

    it("leads with the verdict and the violations with their explanation, then the cost, then the resources", () => {
        assert.match(lines[1], /^Policy pack .*: ok — 0 mandatory violations, 10 advisory/);
        const violations = lines.indexOf(`Violations (${doc.violations.length})`);
        assert.ok(violations > 0 && violations < 6, `violations start on line ${violations + 1}`);
        assert.match(lines[violations + 3], /^ {8}\S/, "each violation is followed by its explanation");
        const cost = lines.findIndex((l) => l.startsWith("Cost ("));
        const resources = lines.findIndex((l) => l.startsWith("Resources ("));
        assert.ok(violations < cost && cost < resources, `violations (${violations}) < cost (${cost}) < resources (${resources})`);
    });

    it("lists the cost lines that cost money, and the free resources as one count by type", () => {
        const paid = doc.cost.lines.filter((l) => l.monthlyUsd > 0);
        const free = doc.cost.lines.filter((l) => l.monthlyUsd === 0 && l.needsUsage !== true);
        // A table row: amount, name, then the type (and the basis), columns apart by two spaces or more.
        const row = (x: string) => x.trim().split(/ {2,}/);
        for (const l of paid) assert.ok(lines.some((x) => row(x)[1] === l.urn.split("::").pop() && row(x)[2]?.startsWith(l.type)), `${l.urn} listed`);
        assert.deepStrictEqual(lines.filter((l) => /^\s+\$0\.00 {2}/.test(l)), [], "no $0.00 line");
        const at = lines.findIndex((l) => /^ {2}\d+ free resources: /.test(l));
        assert.ok(at > 0, "one line counts the free resources");
        let end = at + 1;
        while (lines[end].startsWith("      ")) end++;
        const summary = lines.slice(at, end).join(" ");
        assert.match(summary, new RegExp(`^ {2}${free.length} free resources: \\d+ [\\w.]+, `));
        assert.match(summary, / 6 ec2\.Subnet(,|$)/);
        for (const l of lines.slice(at, end)) assert.ok(l.length <= 120, `wrapped: ${l}`);
        const counted = [...summary.matchAll(/(\d+) [\w.]+/g)].slice(1).reduce((sum, m) => sum + Number(m[1]), 0);
        assert.strictEqual(counted, free.length, "the counts by type add up");
    });

    it("shows [aliased] only in a stage move: not on a fresh stack, whose resources carry type aliases", async () => {
        assert.ok(doc.resources.some((r) => r.aliases.length > 0), "hero's resources have aliases (type and parent aliases)");
        assert.doesNotMatch(text, /aliased/);
        assert.doesNotMatch(await report(["--program", path.join(ROOT, "tests/fixtures/programs/other-region"), "--stack", "israel"]), /aliased/);
        const move = await report(["--stage", "hero", "--from", "zero"]);
        assert.match(move.slice(move.indexOf("Runway plan — stack")), /\[aliased\]/, "the target plan of a move marks what moves through aliases");
    });

    it("is short: the hero stage's whole report is well under the 284 lines it had", () => {
        assert.ok(lines.length < 200, `${lines.length} lines`);
    });
});
