import * as assert from "assert";
import * as fs from "fs";
import { tempDir } from "../temp";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { FIXTURES, plan, rejects, ROOT, VIOLATING } from "./helpers";

describe("plan: --baseline marks only new violations", function () {
    this.timeout(60_000);
    let doc: PlanDocument;
    let markdown: string;
    before(async () => {
        // The same program file on the base branch and on the PR branch, as in a pull request.
        const dir = tempDir("baseline");
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
        const program = path.join(dir, "index.ts");
        const baseFile = path.join(dir, "base.json");
        fs.copyFileSync(path.join(FIXTURES, "violating-base/index.ts"), program);
        const base = await plan(["--program", program, "--format", "json", "--out", baseFile]);
        assert.strictEqual(base.code, 0, base.stderr);
        fs.copyFileSync(VIOLATING, program);
        doc = JSON.parse((await plan(["--program", program, "--format", "json", "--baseline", baseFile])).stdout) as PlanDocument;
        markdown = (await plan(["--program", program, "--format", "markdown", "--baseline", baseFile])).stdout;
    });

    it("refuses a baseline of another program or another stack (exit 2), and names both", async () => {
        const dir = tempDir("wrong-baseline");
        const otherProgram = path.join(dir, "other-program.json");
        assert.notStrictEqual((await plan(["--program", path.join(FIXTURES, "violating-base/index.ts"), "--format", "json", "--out", otherProgram])).code, 2);
        await rejects(["--program", VIOLATING, "--baseline", otherProgram], /is a plan of stack dev of project project \(program tests\/plan\/fixtures\/violating-base\/index\.ts\), this one of .*violating\/index\.ts\).*\(different program\)/);
        const otherStack = path.join(dir, "prod.json");
        assert.notStrictEqual((await plan(["--stack", "prod", "--format", "json", "--out", otherStack])).code, 2);
        await rejects(["--stack", "dev", "--baseline", otherStack], /is a plan of stack prod .*this one of stack dev .*\(different stack\)/);
    });

    it("the one added violation is the only new one", () => {
        const fresh = doc.violations.filter((v) => v.new === true);
        assert.deepStrictEqual(fresh.map((v) => [v.policy, v.urn?.split("::").pop()]), [["subnet-cidr-is-small", "wide"]]);
        assert.ok(doc.violations.every((v) => typeof v.new === "boolean"));
        assert.ok(doc.violations.some((v) => v.new === false && v.policy === "buckets-have-sse"));
    });

    it("adds the baseline summary: new, resolved, added, removed, cost delta", () => {
        assert.ok(doc.baseline);
        const { newViolations, resolvedViolations, addedResources, removedResources, costDeltaUsd } = doc.baseline;
        assert.deepStrictEqual({ newViolations, resolvedViolations, addedResources, removedResources, costDeltaUsd }, { newViolations: 1, resolvedViolations: 0, addedResources: 1, removedResources: 0, costDeltaUsd: 0 });
    });

    it("the PR comment's summary line counts the new one and the cost delta", () => {
        assert.match(markdown.split("\n")[0], /1 mandatory violation \(1 new\), 1 advisory \(0 new\).*\(\+\$0\.00 vs base\)$/);
        assert.match(markdown, /🆕/);
    });
});
