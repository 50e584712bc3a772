/** Policy verdicts on programs not written by us: EBS encryption by default declared in the same program. */
import * as assert from "assert";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { plan, ROOT } from "./helpers";

describe("plan: aws.ebs.EncryptionByDefault in the same program", function () {
    this.timeout(60_000);

    it("an instance without rootBlockDevice and a bare volume are not unencrypted storage", async () => {
        const result = await plan(["--program", path.join(ROOT, "tests/fixtures/programs/ebs-default"), "--format", "json"], {});
        assert.notStrictEqual(result.code, 2, result.stderr);
        const doc = JSON.parse(result.stdout) as PlanDocument;
        const ebs = doc.violations.filter((v) => /encrypted-at-rest/.test(v.policy));
        assert.deepStrictEqual(ebs, []);
    });
});
