/**
 * Each request's evaluation depends only on that request and the pack's own settings: no finding is lost on a large
 * stack, whichever companion pack config disables, and two packs in one process do not share state.
 */
import { strict as assert } from "assert";
import { evaluatePack, type PolicyDiagnostic } from "../../harness";
import { UNKNOWN_BOOLEAN } from "../../model/wire";
import { FindingLedger } from "../../policies/lib/ledger";
import { createPolicies } from "../../policies/lib/policy";
import { rules, runwayPack } from "../../policies/pack";
import { programRun, resource } from "../growth/lib/runs";

const POLICY = "storage-encrypted-at-rest";
const QUEUE = "aws:sqs/queue:Queue";
const WAIVER = `${POLICY}: test queues hold no customer data; expires=2099-01-01; owner=team-platform`;
const COUNT = 50_000;

/** Queue i: unencrypted (a mandatory violation), unencrypted and waived, or with encryption unknown in preview. */
function queues(count: number) {
    return Array.from({ length: count }, (_, i) => {
        const kind = i % 3;
        const inputs = kind === 2 ? { sqsManagedSseEnabled: UNKNOWN_BOOLEAN } : { sqsManagedSseEnabled: false, ...(kind === 1 ? { tags: { "runway:waive": WAIVER } } : {}) };
        return resource(QUEUE, `q${i}`, inputs);
    });
}

function tally(diagnostics: PolicyDiagnostic[]): Record<string, Set<string>> {
    const out: Record<string, Set<string>> = { violation: new Set(), waived: new Set(), notEvaluated: new Set() };
    for (const d of diagnostics) {
        const f = d.finding;
        if (f?.policy === POLICY && f.urn) out[f.status].add(f.urn);
    }
    return out;
}

describe("per-request evaluation", function () {
    this.timeout(240_000);
    const run = programRun("hero", queues(COUNT), true);
    const config = { "runway-settings": { now: "2026-06-01" } };

    it(`keeps every finding of a ${COUNT.toLocaleString("en-US")}-resource stack: each queue's violation, waiver or unknown, exactly once`, async () => {
        const found = tally(await evaluatePack(run, runwayPack, { config }));
        assert.equal(found.violation.size, Math.ceil(COUNT / 3));
        assert.equal(found.waived.size, Math.ceil((COUNT - 1) / 3));
        assert.equal(found.notEvaluated.size, Math.floor(COUNT / 3));
    });

    it("keeps every advisory and mandatory finding when runway-waivers is disabled (its findings wait uncollected)", async () => {
        const found = tally(await evaluatePack(run, runwayPack, { config: { ...config, "runway-waivers": "disabled" } }));
        assert.equal(found.violation.size, Math.ceil(COUNT / 3));
        assert.equal(found.waived.size, 0);
        assert.equal(found.notEvaluated.size, Math.floor(COUNT / 3));
    });

    it("two packs in one process keep their own pack-wide settings", async () => {
        const small = programRun("hero", queues(3), true);
        const lenient = { name: "a", version: "1.0.0", policies: createPolicies(rules) };
        const strict = { name: "b", version: "1.0.0", policies: createPolicies(rules) };
        const levelOfUnknown = (ds: PolicyDiagnostic[]) => ds.filter((d) => d.finding?.policy === POLICY && d.finding.status === "notEvaluated").map((d) => d.enforcementLevel);
        const a = levelOfUnknown(await evaluatePack(small, lenient, { config }));
        const b = levelOfUnknown(await evaluatePack(small, strict, { config: { "runway-settings": { now: "2026-06-01", strictUnknowns: true } } }));
        const again = levelOfUnknown(await evaluatePack(small, lenient, { config }));
        assert.deepEqual(a, ["advisory"]);
        assert.deepEqual(b, ["mandatory"], "strictUnknowns: the unknown is reported at the policy's level");
        assert.deepEqual(again, ["advisory"], "the strict pack's settings did not leak into the lenient one");
    });
});

describe("the findings ledger", () => {
    it("drops the oldest request's findings past its limit, never the current request's", () => {
        const ledger = new FindingLedger(3);
        for (const urn of ["a", "b", "c", "d"]) ledger.leave(urn, { policy: "p", status: "violation", urn, message: urn });
        assert.equal(ledger.pending, 3);
        assert.deepEqual(ledger.collect("a"), []);
        assert.deepEqual(ledger.collect("d").map((f) => f.urn), ["d"]);
        assert.equal(ledger.pending, 2);
    });
});
