// A platform team tests its OWN policy pack under the real engine, offline. harness/README.md quotes this file.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { engineReady, fixtureProject, packFolder, ROOT, type EngineProject } from "./engine";

const program = path.join(ROOT, "tests/fixtures/programs/instances/index.ts");

function blocked(project: EngineProject, pack: string): string[] {
    const run = project.operation("preview", "dev", ["--policy-pack", pack]);
    assert.notEqual(run.code, 0, "a mandatory violation fails the preview");
    return run.policies.map((event) => `${event.policyName} ${event.enforcementLevel} ${event.resourceUrn ?? ""}`);
}

describe("example: your own policy pack under the real engine", function () {
    before(engineReady);

    it("pulumi preview --policy-pack blocks the t2 instance and passes the t4g one", () => {
        const project = fixtureProject("instances", program);
        project.initStack("dev");
        assert.deepEqual(blocked(project, packFolder("acme-pack")), ["no-t2-instances mandatory urn:pulumi:dev::instances::aws:ec2/instance:Instance::legacy"]);
    });

    it("pulumi policy analyze judges an exported state the same way", () => {
        const project = fixtureProject("instances", program);
        project.initStack("dev");
        project.operation("up", "dev", [], 0);
        const state = path.join(project.home, "state.json");
        fs.writeFileSync(state, project.must(["stack", "export", "--stack", "dev"]).stdout);
        const analyzed = project.run(["policy", "analyze", "--file", state, "--policy-pack", packFolder("acme-pack")]);
        assert.notEqual(analyzed.code, 0, analyzed.stdout);
        assert.match(analyzed.stdout, /no-t2-instances/);
        assert.match(analyzed.stdout, /legacy/);
        assert.doesNotMatch(analyzed.stdout, /current.*no-t2|no-t2.*current/);
    });
});
