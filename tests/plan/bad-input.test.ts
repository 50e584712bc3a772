import * as assert from "assert";
import * as fs from "fs";
import { tempDir } from "../temp";
import * as path from "path";
import { FIXTURES, plan, rejects, SMOKE } from "./helpers";

describe("plan: bad input exits 2 with one clear message", function () {
    this.timeout(60_000);
    const tmp = tempDir("bad-input");

    it("an unknown flag", () => rejects(["--program", SMOKE, "--colour"], /unknown argument "--colour"/));
    it("a flag without its value", () => rejects(["--stage"], /--stage needs a value/));
    it("an unknown stage", () => rejects(["--program", SMOKE, "--stage", "huge"], /--stage huge is not a stage: use one of zero, hero, enterprise/));
    it("an unknown format", () => rejects(["--format", "yaml"], /--format yaml is not a format/));
    it("a malformed --config", () => rejects(["--program", SMOKE, "--config", "novalue"], /--config expects key=value/));
    it("an unknown stack of a project with stack files", () => rejects(["--program", path.join(FIXTURES, "../../fixtures/real-world/alb-fargate-rds/index.ts"), "--stack", "qa"], /--stack qa has no stack file .* use one of dev/));
    it("a missing program file", () => rejects(["--program", path.join(tmp, "nope.ts")], /does not exist/));
    it("a missing usage file", () => rejects(["--program", SMOKE, "--usage", path.join(tmp, "usage.json")], /--usage .*no such file/));
    it("a missing baseline", () => rejects(["--program", SMOKE, "--baseline", path.join(tmp, "base.json")], /--baseline .*no such file/));
    it("a baseline that is not a plan", async () => {
        const file = path.join(tmp, "not-a-plan.json");
        fs.writeFileSync(file, "{\"hello\": 1}");
        await rejects(["--program", SMOKE, "--baseline", file], /not a plan/);
    });
    it("--from with another program (stage moves are Runway's stages)", () => rejects(["--program", SMOKE, "--from", "zero", "--stage", "hero"], /--from previews a move between Runway's stages/));
    it("--from-config without --from", () => rejects(["--program", SMOKE, "--from-config", "a=b"], /--from-config sets the config of the --from run: give --from/));
    it("--from-config setting runway:stage", () => rejects(["--from", "zero", "--from-config", "runway:stage=hero"], /--from-config cannot set runway:stage/));
    it("--from with --compare", () => rejects(["--from", "zero", "--compare"], /--compare cannot be combined with --from/));
    it("a malformed --from-config", () => rejects(["--from", "zero", "--from-config", "novalue"], /--from-config expects key=value/));
    it("--from with an unknown stage", () => rejects(["--program", SMOKE, "--from", "tiny", "--stage", "hero"], /--from tiny is not a stage/));
    it("--compare with a single-stage format", () => rejects(["--program", SMOKE, "--compare", "--format", "sarif"], /--compare prints text, json, markdown/));

    it("a program with a syntax error", async () => {
        const file = path.join(tmp, "syntax.ts");
        fs.writeFileSync(file, 'import * as aws from "@pulumi/aws";\nnew aws.s3.Bucket("b", {\n');
        await rejects(["--program", file], /syntax\.ts[\s\S]*fix the program so it compiles/);
    });
    it("a program that throws, naming the error and its line", () =>
        rejects(["--program", path.join(FIXTURES, "throws/index.ts")], /no regions configured for replication[\s\S]*index\.ts:6/));
    it("a program that needs config it was not given", () =>
        rejects(["--program", path.join(FIXTURES, "needs-config/index.ts")], /bucketName[\s\S]*--config key=value/));
    it("the same program runs when the config is given", async () => {
        const result = await plan(["--program", path.join(FIXTURES, "needs-config/index.ts"), "--config", "bucketName=my-bucket", "--format", "json"]);
        assert.strictEqual(result.code, 0, result.stderr);
    });
    it("a program that calls process.exit: the plan (and this test runner) goes on, naming the line", () =>
        rejects(["--program", path.join(FIXTURES, "exits/index.ts")], /called process\.exit\(3\)[^\n]*exits\/index\.ts:5/));
    it("a program that imports a module that does not exist: one line, no require stack", () =>
        rejects(["--program", path.join(FIXTURES, "missing-import/index.ts")], /Cannot find module '\.\/not-there'/));
    it("a program that never finishes registering (timeout)", () =>
        rejects(["--program", path.join(FIXTURES, "never-finishes/index.ts"), "--timeout", "1"], /did not finish registering resources within 1 s/));
});
