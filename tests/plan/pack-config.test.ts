/**
 * `--policy-pack-config <file>`: the document `pulumi preview --policy-pack-config` takes, merged with the stage
 * profile the plan sets; waivers in it move a finding from `violations` to `waived`; a bad file is exit 2.
 */
import * as assert from "assert";
import * as fs from "fs";
import { tempDir } from "../temp";
import * as path from "path";
import type { Comparison } from "../../plan/compare";
import type { PlanDocument } from "../../plan/document";
import { loadRunwayPack, packConfigFor } from "../../plan/findings";
import { FIXTURES, plan, rejects, SMOKE } from "./helpers";

/** Runway's own pack (waivers are a Runway pack setting). */
const RUNWAY = {};
/** A program with exactly one mandatory finding at the hero profile: a queue with SSE off. */
const ONE_MANDATORY = path.join(FIXTURES, "one-mandatory/index.ts");
const QUEUE_URN = "urn:pulumi:dev::project::aws:sqs/queue:Queue::jobs";
const WAIVER = { policy: "storage-encrypted-at-rest", resource: "jobs", reason: "a scratch queue that never carries customer data", expires: "2099-12-31", owner: "team-jobs" };

describe("plan --policy-pack-config", function () {
    this.timeout(60_000);
    const tmp = tempDir("pack-config");
    const file = (name: string, content: unknown) => {
        const p = path.join(tmp, name);
        fs.writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
        return p;
    };
    const planJson = async (argv: string[]) => {
        const result = await plan([...argv, "--format", "json"], RUNWAY);
        assert.notStrictEqual(result.code, 2, result.stderr);
        return { code: result.code, doc: JSON.parse(result.stdout) as PlanDocument };
    };

    it("a config waiver moves the one mandatory violation from violations to waived, and the exit code from 1 to 0", async () => {
        const before = await planJson(["--program", ONE_MANDATORY, "--stage", "hero"]);
        assert.strictEqual(before.code, 1);
        assert.deepStrictEqual(before.doc.violations.filter((v) => v.level === "mandatory").map((v) => `${v.policy} ${v.urn}`), [`${WAIVER.policy} ${QUEUE_URN}`]);
        assert.deepStrictEqual(before.doc.waived, []);

        const waivers = file("waiver.json", { "runway-settings": { waivers: [WAIVER] } });
        const after = await planJson(["--program", ONE_MANDATORY, "--stage", "hero", "--policy-pack-config", waivers]);
        assert.strictEqual(after.code, 0);
        assert.ok(!after.doc.violations.some((v) => v.policy === WAIVER.policy), JSON.stringify(after.doc.violations));
        assert.deepStrictEqual(after.doc.waived, [{ policy: WAIVER.policy, urn: QUEUE_URN, reason: WAIVER.reason, expires: WAIVER.expires, owner: WAIVER.owner }]);
        assert.strictEqual(after.doc.pack.profile, "hero", "the stage profile still applies");
    });

    it("an expired waiver waives nothing and says so", async () => {
        const expired = file("expired.json", { "runway-settings": { waivers: [{ ...WAIVER, expires: "2020-01-31" }] } });
        const { code, doc } = await planJson(["--program", ONE_MANDATORY, "--stage", "hero", "--policy-pack-config", expired]);
        assert.strictEqual(code, 1);
        assert.deepStrictEqual(doc.waived, []);
        assert.ok(doc.violations.some((v) => /expired on 2020-01-31/.test(v.message)), JSON.stringify(doc.violations.map((v) => v.message)));
    });

    it("levels: a policy lowered to advisory no longer blocks; its profile is kept", async () => {
        const lowered = file("levels.json", { "storage-encrypted-at-rest": "advisory" });
        const { code, doc } = await planJson(["--program", ONE_MANDATORY, "--stage", "hero", "--policy-pack-config", lowered]);
        assert.strictEqual(code, 0);
        assert.ok(doc.violations.some((v) => v.policy === "storage-encrypted-at-rest" && v.level === "advisory"));
        assert.ok(!doc.violations.some((v) => v.policy === "runway-settings"), "the profile is a valid stage for every policy");
    });

    it("--compare applies it to every stage", async () => {
        const waivers = file("compare.json", { "runway-settings": { waivers: [WAIVER] } });
        const compare = async (extra: string[]) => {
            const result = await plan(["--program", ONE_MANDATORY, "--compare", "--format", "json", ...extra], RUNWAY);
            assert.notStrictEqual(result.code, 2, result.stderr);
            return (JSON.parse(result.stdout) as Comparison).stages.map((s) => s.mandatoryViolations);
        };
        const [before, after] = await Promise.all([compare([]), compare(["--policy-pack-config", waivers])]);
        assert.deepStrictEqual(after, before.map((n) => n - 1), `mandatory violations per stage: ${before.join(", ")} → ${after.join(", ")}`);
    });

    it("merges with the stage profile: user entries win, the profile's stage is added unless the entry sets one", () => {
        const pack = loadRunwayPack().definition;
        const config = packConfigFor(pack, "hero", {
            "ec2-imdsv2-required": "remediate",
            "db-backup-retention": { minRetentionDays: 14 },
            "iam-no-admin-star": { stage: "zero" },
        });
        assert.deepStrictEqual(config["ec2-imdsv2-required"], { enforcementLevel: "remediate", stage: "hero" });
        assert.deepStrictEqual(config["db-backup-retention"], { minRetentionDays: 14, stage: "hero" });
        assert.deepStrictEqual(config["iam-no-admin-star"], { stage: "zero" });
        assert.deepStrictEqual(config["runway-settings"], { stage: "hero" });
        assert.deepStrictEqual(packConfigFor(pack, "strict", { all: "mandatory" }), { all: "mandatory" }, "the strict profile is the pack's own default: no stage");
    });

    describe("a bad file: exit 2, one message naming the file", () => {
        const bad = (name: string, content: unknown, message: RegExp) => () => {
            const p = file(name, content);
            return rejects(["--program", SMOKE, "--stage", "hero", "--policy-pack-config", p], new RegExp(`--policy-pack-config ${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ${message.source}`), RUNWAY);
        };
        it("missing", () => rejects(["--program", SMOKE, "--policy-pack-config", path.join(tmp, "nope.json")], /--policy-pack-config .*nope\.json: no such file/, RUNWAY));
        it("not JSON", bad("broken.json", "{ all: mandatory", /is not JSON/));
        it("not an object", bad("list.json", [1, 2], /must be a JSON object/));
        it("an unknown policy", bad("unknown.json", { "no-such-policy": "mandatory" }, /names policy "no-such-policy", which the pack does not have/));
        it("a graph rule at the top level (it belongs under runway-graph)", bad("graph.json", { "vpc-flow-logs": "advisory" }, /names policy "vpc-flow-logs", which the pack does not have: it is a rule of runway-graph; set it under "runway-graph"/));
        it("a bad level", bad("level.json", { all: "strict" }, /all: enforcement level "strict" is not one of advisory, mandatory, remediate, disabled/));
        it("a bad level in an object entry", bad("entry.json", { "db-backup-retention": { enforcementLevel: "loud" } }, /db-backup-retention\.enforcementLevel: enforcement level "loud"/));
        it("an entry that is neither a level nor an object", bad("number.json", { "db-backup-retention": 14 }, /"db-backup-retention" must be a level or an object/));
        it("option values a policy's config schema refuses, all of them, as the CLI refuses them", bad("schema.json", { "runway-settings": { stage: "prod" }, "sg-no-world-admin-ports": { adminPorts: ["ssh"] } }, /is invalid: policy "runway-settings": stage: must be equal to one of the allowed values \("zero", "hero", "enterprise"\); policy "sg-no-world-admin-ports": adminPorts\.0: must be integer/));
        it("a pack-wide stage other than the plan's profile", bad("stage.json", { "runway-settings": { stage: "zero" } }, /"runway-settings" sets stage "zero", but this plan judges the hero profile/));
    });
});
