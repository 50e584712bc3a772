/**
 * The real pack, served by @pulumi/policy's gRPC analyzer (as the Pulumi engine runs it): waivers, unknowns,
 * strictUnknowns and pack-config levels end to end.
 */
import { strict as assert } from "assert";
import * as path from "path";
import { analyzeOverGrpc, runProgram, type PolicyDiagnostic, type ProgramRun } from "../../harness";
import { decodeDiagnostic } from "../../model/finding-format";
import type { DecodedFinding } from "../../model/finding";

const PACK = path.join(__dirname, "../../policies");
const PROGRAM = path.join(__dirname, "../fixtures/programs/waivers/index.ts");
const NOW = { "runway-settings": { now: "2026-01-15" } };

const about = (ds: PolicyDiagnostic[], name: string, policy = "ec2-imdsv2-required"): (DecodedFinding & { raw: PolicyDiagnostic })[] =>
    ds.map((d) => ({ ...decodeDiagnostic(d), raw: d })).filter((f) => f.policy === policy && (f.urn ?? "").endsWith(`::${name}`));

describe("the pack over the real gRPC analyzer", function () {
    this.timeout(120_000);
    let preview: ProgramRun;
    let update: ProgramRun;
    let previewDs: PolicyDiagnostic[];
    let updateDs: PolicyDiagnostic[];
    before(async () => {
        preview = await runProgram({ program: PROGRAM, preview: true });
        update = await runProgram({ program: PROGRAM, preview: false });
        previewDs = await analyzeOverGrpc(preview, { packDir: PACK, config: NOW });
        updateDs = await analyzeOverGrpc(update, { packDir: PACK, config: NOW });
    });

    it("reports a waived finding as advisory with reason, expiry and owner", () => {
        const [f] = about(updateDs, "legacy");
        assert.equal(f.status, "waived");
        assert.equal(f.level, "advisory");
        assert.equal(f.raw.policyName, "runway-waivers");
        assert.deepEqual(f.waiver, { reason: "vendor agent still needs IMDSv1", expires: "2030-01-01", owner: "team-payments" });
    });

    it("does not leak a waiver to a sibling resource", () => {
        const [f] = about(updateDs, "sibling");
        assert.equal(f.status, "violation");
        assert.equal(f.level, "mandatory");
    });

    it("stops honouring an expired waiver and says so", () => {
        const [f] = about(updateDs, "expired");
        assert.equal(f.level, "mandatory");
        assert.match(f.message, /expired on 2020-01-01/);
        assert.ok(about(updateDs, "expired", "runway-waivers").some((p) => /expired on 2020-01-01/.test(p.message)));
    });

    it("rejects a waiver with a short reason and a malformed tag, loudly", () => {
        assert.equal(about(updateDs, "short")[0].level, "mandatory");
        assert.ok(about(updateDs, "short", "runway-waivers").some((p) => /too short/.test(p.message)));
        assert.ok(about(updateDs, "malformed", "runway-waivers").some((p) => /malformed/.test(p.message)));
    });

    it("never waives *:* IAM", () => {
        const [f] = about(updateDs, "admin", "iam-no-admin-star");
        assert.equal(f.level, "mandatory");
        assert.ok(about(updateDs, "admin", "runway-waivers").some((p) => /can never be waived/.test(p.message)));
    });

    it("reports a preview-unknown IMDS setting as not evaluated (advisory), never as a silent pass", () => {
        const [f] = about(previewDs, "computed");
        assert.equal(f.status, "notEvaluated");
        assert.equal(f.level, "advisory");
        assert.equal(f.property, "metadataOptions.httpTokens");
        assert.equal(about(updateDs, "computed")[0].level, "mandatory", "known in update: a real violation");
    });

    it("with strictUnknowns the unknown becomes a mandatory finding", async () => {
        const ds = await analyzeOverGrpc(preview, { packDir: PACK, config: { "runway-settings": { now: "2026-01-15", strictUnknowns: true } } });
        const [f] = about(ds, "computed");
        assert.equal(f.status, "notEvaluated");
        assert.equal(f.level, "mandatory");
    });

    it("applies pack-config waivers to exactly the named resource, and levels from config", async () => {
        const ds = await analyzeOverGrpc(update, {
            packDir: PACK,
            config: {
                "runway-settings": { now: "2026-01-15", waivers: [{ policy: "ec2-imdsv2-required", resource: "sibling", reason: "migrating to v2 next sprint", expires: "2026-02-01", owner: "team-a" }] },
                "iam-no-admin-star": "advisory",
            },
        });
        assert.equal(about(ds, "sibling")[0].status, "waived");
        assert.equal(about(ds, "expired")[0].level, "mandatory");
        assert.equal(about(ds, "admin", "iam-no-admin-star")[0].level, "advisory");
    });
});
