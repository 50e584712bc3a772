import * as assert from "assert";
import { tempDir } from "../temp";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { FIXTURES, plan, VIOLATING } from "./helpers";

describe("plan: --baseline marks only new violations", function () {
    this.timeout(60_000);
    let doc: PlanDocument;
    let markdown: string;
    before(async () => {
        const baseFile = path.join(tempDir("baseline"), "base.json");
        const base = await plan(["--program", path.join(FIXTURES, "violating-base/index.ts"), "--format", "json", "--out", baseFile]);
        assert.strictEqual(base.code, 0, base.stderr);
        doc = JSON.parse((await plan(["--program", VIOLATING, "--format", "json", "--baseline", baseFile])).stdout) as PlanDocument;
        markdown = (await plan(["--program", VIOLATING, "--format", "markdown", "--baseline", baseFile])).stdout;
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
