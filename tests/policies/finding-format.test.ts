import { strict as assert } from "assert";
import { decodeDiagnostic, encodeFinding, groupFindings } from "../../model/finding-format";
import type { Finding } from "../../model/finding";

const diag = (f: Finding, level = "mandatory", description = "Some policy description.") => ({
    policyName: f.policy,
    message: `${description}\n${encodeFinding(f)}`,
    urn: f.urn,
    enforcementLevel: level,
    severity: "high",
    description,
});

describe("finding format (string channel)", () => {
    it("round-trips a violation with its path through the analyzer's description prefix", () => {
        const f: Finding = { policy: "no-public-data-stores", status: "violation", urn: "urn:a", message: "reachable", path: ["orders-db", "subnet db-a", "igw main"], severity: "critical", remediation: "make it private" };
        const d = decodeDiagnostic(diag(f));
        assert.deepEqual(d, { policy: f.policy, level: "mandatory", severity: "critical", urn: "urn:a", message: "reachable", status: "violation", path: f.path, remediation: "make it private" });
    });

    it("round-trips a waived finding with reason, expiry and owner", () => {
        const f: Finding = { policy: "ec2-imdsv2-required", status: "waived", urn: "urn:b", message: "IMDSv1", waiver: { reason: "legacy agent needs v1", expires: "2030-01-01", owner: "team-a" } };
        const d = decodeDiagnostic(diag(f, "advisory"));
        assert.equal(d.status, "waived");
        assert.equal(d.level, "advisory");
        assert.deepEqual(d.waiver, f.waiver);
    });

    it("round-trips a not-evaluated finding naming the property", () => {
        const d = decodeDiagnostic(diag({ policy: "p", status: "notEvaluated", message: "x", property: "metadataOptions" }, "advisory"));
        assert.equal(d.status, "notEvaluated");
        assert.equal(d.property, "metadataOptions");
    });

    it("keeps one machine line even when the message has newlines", () => {
        const text = encodeFinding({ policy: "p", status: "violation", message: "line one\nline two" });
        assert.equal(text.split("\n").filter((l) => l.startsWith("runway-finding ")).length, 1);
        assert.equal(decodeDiagnostic({ policyName: "p", message: text, enforcementLevel: "advisory" }).message, "line one line two");
    });

    it("reads the analyzer's own 'can't run during preview' note as not evaluated", () => {
        const d = decodeDiagnostic({ policyName: "other", enforcementLevel: "advisory", message: "can't run policy 'other' from policy pack 'x@v1' during preview: string value at .dbSubnetGroupName can't be known during preview" });
        assert.equal(d.status, "notEvaluated");
        assert.equal(d.property, "dbSubnetGroupName");
    });

    it("treats foreign diagnostics as violations and never throws on garbage", () => {
        assert.equal(decodeDiagnostic({ policyName: "x", message: "runway-finding {not json", enforcementLevel: "weird" }).status, "violation");
        const g = groupFindings([diag({ policy: "a", status: "waived", message: "m", waiver: { reason: "r".repeat(10), expires: "2030-01-01", owner: "o" } }), diag({ policy: "b", status: "violation", message: "m" })]);
        assert.equal(g.waived.length, 1);
        assert.equal(g.violations.length, 1);
    });
});
