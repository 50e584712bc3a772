/**
 * `pulumi destroy` keeps what README ("Tearing a stack down") and docs/growth.md say it keeps: retainOnDelete
 * resources leave the stack without a Delete call to the cloud, and protected resources stop the destroy.
 */
import * as assert from "assert";
import { isStateful } from "../../transition/catalog";
import { copyRunway, engineReady } from "./engine";

describe("engine: destroy honours protect and retainOnDelete", function () {
    before(engineReady);

    it("zero: the server instance (retainOnDelete) is forgotten, not deleted; the rest is deleted", () => {
        const project = copyRunway();
        project.initStack("dev", { "runway:stage": "zero" });
        project.operation("up", "dev", [], 0);
        const before = project.calls().length;
        project.must(["destroy", "--stack", "dev", "--yes", "--non-interactive", "--skip-preview"]);
        const deleted = project.calls().slice(before).filter((call) => call.method === "Delete");
        assert.ok(deleted.some((call) => call.type === "aws:ec2/securityGroup:SecurityGroup"), "non-retained resources are deleted");
        assert.deepStrictEqual(deleted.filter((call) => call.type === "aws:ec2/instance:Instance").map((call) => call.urn), [], "the retained instance gets no Delete");
    });

    it("enterprise on prod (runway:protect): destroy stops at the protected resources and deletes no data store", () => {
        const project = copyRunway();
        project.initStack("prod");
        project.operation("up", "prod", [], 0);
        const before = project.calls().length;
        const destroyed = project.run(["destroy", "--stack", "prod", "--yes", "--non-interactive", "--skip-preview"]);
        assert.notStrictEqual(destroyed.code, 0, "a protected stack cannot be destroyed");
        assert.match(destroyed.stdout + destroyed.stderr, /protect/i);
        const lost = project.calls().slice(before).filter((call) => call.method === "Delete" && call.type !== undefined && isStateful(call.type));
        assert.deepStrictEqual(lost.map((call) => call.urn), []);
    });
});
