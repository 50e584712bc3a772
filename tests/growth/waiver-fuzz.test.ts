import * as assert from "assert";
import * as fc from "fast-check";
import { evaluatePack } from "../../harness";
import { decodeDiagnostic } from "../../model/finding-format";
import { runwayPack } from "../../policies/pack";
import { WAIVER_TAG } from "../../policies/lib/waivers";
import { programRun, resource } from "./lib/runs";

const NOW = "2025-06-01";
/** A bucket public-access block with every setting off: s3-public-access-block (waivable) always fires on it. */
const POLICY = "s3-public-access-block";
const TYPE = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";

interface WaiverSpec {
    policy: "right" | "unknown" | "garbage";
    reason: "ok" | "short" | "missing";
    expires: "future" | "past" | "invalid" | "missing";
    owner: "ok" | "missing";
    target: "right" | "sibling" | "unknown";
    via: "tag" | "config";
}

const specArb: fc.Arbitrary<WaiverSpec> = fc.record({
    policy: fc.constantFrom("right", "unknown", "garbage"),
    reason: fc.constantFrom("ok", "short", "missing"),
    expires: fc.constantFrom("future", "past", "invalid", "missing"),
    owner: fc.constantFrom("ok", "missing"),
    target: fc.constantFrom("right", "sibling", "unknown"),
    via: fc.constantFrom("tag", "config"),
});

const policyText = (s: WaiverSpec) => ({ right: POLICY, unknown: "no-such-policy", garbage: "s3 public access!!" })[s.policy];
const reasonText = (s: WaiverSpec) => ({ ok: "bucket serves a public status page by design", short: "ok", missing: "" })[s.reason];
const expiresText = (s: WaiverSpec) => ({ future: "2099-12-31", past: "2024-01-31", invalid: "2025-13-45", missing: "" })[s.expires];
const ownerText = (s: WaiverSpec) => ({ ok: "web-team", missing: "" })[s.owner];

/** The waiver's own fields are all good (where it points is judged separately). */
function fieldsValid(s: WaiverSpec): boolean {
    return s.policy === "right" && s.reason === "ok" && s.expires === "future" && s.owner === "ok";
}

function tagValue(s: WaiverSpec): string {
    const parts = [reasonText(s), s.expires === "missing" ? "" : `expires=${expiresText(s)}`, s.owner === "missing" ? "" : `owner=${ownerText(s)}`].filter((p) => p !== "");
    return `${policyText(s)}: ${parts.join("; ")}`;
}

describe("waiver fuzz: malformed, expired, misdirected waivers are never a silent pass", function () {
    this.timeout(60_000);

    it("a waiver applies only when it is complete, current and aimed at exactly this policy and resource; otherwise it says why (1,000 cases)", async () => {
        await fc.assert(
            fc.asyncProperty(specArb, async (s) => {
                const waiverTags = s.via === "tag" ? { [WAIVER_TAG]: tagValue(s) } : {};
                const target = resource(TYPE, "target", { bucket: "a", tags: s.target === "right" ? waiverTags : {} });
                const sibling = resource(TYPE, "sibling", { bucket: "b", tags: s.target === "sibling" ? waiverTags : {} });
                const resourceRef = { right: target.urn, sibling: sibling.urn, unknown: "urn:pulumi:test::runway::aws:s3/bucket:Bucket::ghost" }[s.target];
                const settings: Record<string, unknown> = { now: NOW };
                if (s.via === "config") settings.waivers = [{ policy: policyText(s), resource: resourceRef, reason: reasonText(s), expires: expiresText(s), owner: ownerText(s) }];
                const diagnostics = await evaluatePack(programRun("hero", [target, sibling]), runwayPack, { config: { "runway-settings": settings } as never });
                const findings = diagnostics.map((d) => ({ d, f: decodeDiagnostic(d) }));
                const about = (urn: string) => findings.filter(({ f }) => f.policy === POLICY && f.urn === urn);
                const problems = findings.filter(({ f }) => f.policy === "runway-waivers" && f.status === "violation");

                const waivedUrn = { right: target.urn, sibling: sibling.urn, unknown: undefined }[s.target];
                const given = s.via === "config" || s.target !== "unknown";
                for (const r of [target, sibling]) {
                    const found = about(r.urn);
                    assert.ok(found.length >= 1, `the finding on ${r.name} is always reported (waived or not): ${JSON.stringify(s)}`);
                    if (fieldsValid(s) && r.urn === waivedUrn) {
                        assert.ok(found.every(({ f }) => f.status === "waived" && f.waiver?.reason === reasonText(s)), `a valid waiver did not apply: ${JSON.stringify(s)}`);
                    } else {
                        assert.ok(found.every(({ f }) => f.status === "violation"), `${r.name} was waived by a waiver that is bad or aimed elsewhere (leak): ${JSON.stringify(s)}`);
                    }
                }
                if (given && !(fieldsValid(s) && waivedUrn !== undefined)) {
                    assert.ok(problems.length >= 1, `no message for a bad waiver ${JSON.stringify(s)} (${tagValue(s)})`);
                    const text = problems.map(({ f }) => f.message).join("\n");
                    // Each defect of the spec, and the words a clear message about it uses; the message must name one of them.
                    const defects: RegExp[] = [];
                    if (s.policy !== "right") defects.push(/does not exist|malformed/);
                    if (s.expires === "missing") defects.push(/expires/);
                    if (s.expires === "invalid") defects.push(/not a date/);
                    if (s.expires === "past") defects.push(/expired/);
                    if (s.reason !== "ok") defects.push(/too short|reason/);
                    if (s.owner === "missing") defects.push(/owner/);
                    if (waivedUrn === undefined) defects.push(/not in this stack|names resource/);
                    assert.match(text, new RegExp(defects.map((d) => d.source).join("|")), `${JSON.stringify(s)}: ${text}`);
                }
            }),
            { numRuns: 1000, seed: 9 },
        );
    });
});
