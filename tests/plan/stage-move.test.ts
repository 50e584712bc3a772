/**
 * The stage-move preview contract (`--from <stage> --stage <stage>`, issue 12): the JSON `transition` field, the
 * action values, the exit code, and text/markdown showing the move first — for every move of
 * tests/growth/lib/stage-runs.ts MOVES, with the config and pack config docs/growth.md tells users to set.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { NOW_ENV } from "../../policies/lib/settings";
import { MOVES, type StageMove } from "../growth/lib/stage-runs";
import { plan, ROOT, type PlanResult } from "./helpers";
import { isSarifValid } from "./sarif-check";
import { parseXml } from "./xml-check";

const ACTIONS = ["keep", "update", "alias", "replace", "create", "delete"];

/** "Today" for waiver expiry while these tests run, so the shipped waiver's real expiry date keeps them deterministic. */
const TODAY = "2026-11-24";

/** The command line for a move: `--config` is the target run's, `--from-config` the from run's. */
function argvFor(move: StageMove, format: string): string[] {
    const flags = (flag: string, config: Record<string, string>) => Object.entries(config).filter(([k]) => k !== "runway:stage").flatMap(([k, v]) => [flag, `${k}=${v}`]);
    const packConfig = move.packConfig ? ["--policy-pack-config", path.join(ROOT, move.packConfig)] : [];
    return ["--stack", move.stack, "--from", move.from["runway:stage"], "--stage", move.to["runway:stage"], ...flags("--config", move.to), ...flags("--from-config", move.from), ...packConfig, "--format", format];
}

const destructive = (r: { stateful: boolean; action: string }) => r.stateful && (r.action === "delete" || r.action === "replace");

describe("plan --from: the stage-move preview", function () {
    this.timeout(120_000);
    const runs = new Map<string, Promise<PlanResult>>();
    /** Each (move, format) planned once, with Runway's own pack. */
    const planned = (name: string, format: string) => {
        const key = `${name}/${format}`;
        if (!runs.has(key)) runs.set(key, plan(argvFor(MOVES[name], format), {}));
        return runs.get(key) as Promise<PlanResult>;
    };

    const savedNow = process.env[NOW_ENV];
    before(() => {
        process.env[NOW_ENV] = TODAY;
    });
    after(() => {
        if (savedNow === undefined) delete process.env[NOW_ENV];
        else process.env[NOW_ENV] = savedNow;
    });

    for (const [name, move] of Object.entries(MOVES)) {
        describe(name, () => {
            it("JSON: transition { from, to, resources: [{ urn, type, action, stateful, reason }] } with real URNs and known actions", async () => {
                const result = await planned(name, "json");
                assert.notStrictEqual(result.code, 2, result.stderr);
                const doc = JSON.parse(result.stdout) as PlanDocument;
                const t = doc.transition;
                assert.ok(t, "the plan has a transition");
                assert.strictEqual(t.from, move.from["runway:stage"]);
                assert.strictEqual(t.to, move.to["runway:stage"]);
                assert.strictEqual(doc.stage, move.to["runway:stage"], "the rest of the plan is the target stage");
                assert.ok(t.resources.length > 0);
                for (const r of t.resources) {
                    assert.match(r.urn, new RegExp(`^urn:pulumi:${move.stack}::runway::`));
                    assert.strictEqual(typeof r.type, "string");
                    assert.ok(ACTIONS.includes(r.action), `unknown action ${r.action}`);
                    assert.strictEqual(typeof r.stateful, "boolean");
                    assert.ok(typeof r.reason === "string" && r.reason.length > 0, `${r.urn} has no reason`);
                }
            });

            it("exit code: 1 exactly when the move loses data or the target stage has a mandatory violation", async () => {
                const result = await planned(name, "json");
                const doc = JSON.parse(result.stdout) as PlanDocument;
                const lost = doc.transition?.resources.filter((r) => r.dataLoss === true) ?? [];
                assert.strictEqual(doc.transition?.blocked, lost.length > 0);
                assert.strictEqual(result.code, doc.blocked || lost.length > 0 ? 1 : 0, `blocked by: ${lost.map((r) => r.urn).join(", ")}`);
                for (const r of lost) assert.ok(destructive(r), `${r.urn} loses data without being a stateful delete/replace`);
            });

            if (move.up) {
                it("moving up deletes or replaces no stateful resource without a migration path (exit 0)", async () => {
                    const result = await planned(name, "json");
                    const doc = JSON.parse(result.stdout) as PlanDocument;
                    const lost = doc.transition?.resources.filter((r) => r.dataLoss === true) ?? [];
                    assert.deepStrictEqual(lost.map((r) => `${r.action} ${r.urn}: ${r.reason}`), []);
                    const mandatory = doc.violations.filter((v) => v.level === "mandatory").map((v) => `${v.policy} ${v.urn}: ${v.message}`);
                    assert.strictEqual(result.code, 0, `the target stage is blocked by its policies: ${mandatory.join("\n")}`);
                });
            } else {
                it("moving down says what it destroys, each stateful delete/replace with its recipe", async () => {
                    const doc = JSON.parse((await planned(name, "json")).stdout) as PlanDocument;
                    const destroyed = doc.transition?.resources.filter(destructive) ?? [];
                    assert.ok(destroyed.length > 0, "a move down destroys something stateful");
                    for (const r of destroyed) assert.match(r.recipe?.doc ?? "", /^docs\/growth\.md#recipe-/, `${r.urn} has no recipe`);
                });
            }

            if (move.packConfig) {
                it(`the pack config docs/growth.md deploys with (${move.packConfig}) shows each of its waivers under waived, with its reason`, async () => {
                    const doc = JSON.parse((await planned(name, "json")).stdout) as PlanDocument;
                    const file = JSON.parse(fs.readFileSync(path.join(ROOT, move.packConfig ?? ""), "utf8")) as { "runway-settings": { waivers: { policy: string; resource: string; reason: string }[] } };
                    for (const w of file["runway-settings"].waivers) {
                        const shown = doc.waived.filter((x) => x.policy === w.policy && x.urn?.endsWith(`::${w.resource}`));
                        assert.strictEqual(shown.length, 1, `${w.policy} on ${w.resource} is not waived: ${JSON.stringify(doc.waived)}`);
                        assert.strictEqual(shown[0].reason, w.reason);
                        assert.ok(!doc.violations.some((v) => v.policy === w.policy && v.urn === shown[0].urn), "a waived finding is not also a violation");
                    }
                });
            }

            it("text: the move comes first, stateful changes on top, then the target stage's plan", async () => {
                const text = (await planned(name, "text")).stdout;
                assert.ok(text.startsWith(`Stage move ${move.from["runway:stage"]} → ${move.to["runway:stage"]}:`), text.slice(0, 200));
                const stateful = text.indexOf("Stateful resources:");
                const others = text.indexOf("Other changes:");
                const planHead = text.indexOf("Runway plan — stack");
                assert.ok(stateful > 0 && stateful < others && others < planHead, "stateful section, then other changes, then the plan");
            });
        });
    }

    it("text: a short move — stateful deletes and replaces first in full, every other change counted by action with its names collapsed", async () => {
        for (const name of ["zero → hero", "hero → enterprise", "hero → zero"]) {
            const text = (await planned(name, "text")).stdout;
            const doc = JSON.parse((await planned(name, "json")).stdout) as PlanDocument;
            const move = text.slice(0, text.indexOf("Runway plan — stack")).split("\n");
            assert.ok(move.length < 60, `${name}: the move takes ${move.length} lines`);
            const rows = move.filter((l) => /^ {2}[A-Z]+ +\S+ {2}\S+/.test(l));
            const destroyed = doc.transition?.resources.filter(destructive) ?? [];
            assert.deepStrictEqual(rows.slice(0, destroyed.length), destroyed.map((r) => `  ${r.action.toUpperCase().padEnd(8)} ${r.type}  ${r.urn.split("::").pop()}`), `${name}: stateful deletes and replaces first`);
            for (const action of ["create", "delete", "alias"]) {
                const shown = new Set(rows.map((l) => l.split(/\s+/)[3]));
                const counted = (doc.transition?.resources ?? []).filter((r) => r.action === action && !shown.has(r.urn.split("::").pop() ?? ""));
                const lines = move.filter((l) => new RegExp(`^ {2}\\d+ ${action}: `).test(l));
                const total = lines.reduce((sum, l) => sum + Number(/\d+/.exec(l)?.[0]), 0);
                assert.strictEqual(total, counted.length, `${name}: the ${action} rows not shown one by one are counted\n${move.join("\n")}`);
                for (const l of lines) assert.ok(l.length <= 160, `${name}: ${l}`);
            }
        }
    });

    it("text: the whole report of a move is a fraction of what it was (581 lines for zero → hero, 801 for hero → enterprise)", async () => {
        const lines = async (name: string) => (await planned(name, "text")).stdout.split("\n").length;
        assert.ok((await lines("zero → hero")) < 250, `zero → hero: ${await lines("zero → hero")} lines`);
        assert.ok((await lines("hero → enterprise")) < 320, `hero → enterprise: ${await lines("hero → enterprise")} lines`);
    });

    it("text and markdown: an in-place update names the properties it changes", async () => {
        const doc = JSON.parse((await planned("hero → enterprise", "json")).stdout) as PlanDocument;
        const cache = doc.transition?.resources.find((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.deepStrictEqual(cache?.changes, ["nodeType", "snapshotRetentionLimit"]);
        const text = (await planned("hero → enterprise", "text")).stdout;
        assert.match(text, /\n {2}UPDATE {3}aws:elasticache\/replicationGroup:ReplicationGroup {2}cache-group {2}\[aliased\]\n {11}nodeType "cache\.t4g\.micro" → "cache\.t4g\.small"; snapshotRetentionLimit 7 → 14\n/);
        const md = (await planned("hero → enterprise", "markdown")).stdout;
        assert.match(md, /\| \*\*update\*\* \| `aws:elasticache\/replicationGroup:ReplicationGroup` \| `cache-group` \| nodeType "cache\.t4g\.micro" → "cache\.t4g\.small"; snapshotRetentionLimit 7 → 14 \(renamed through aliases\) \|/);
    });

    it("markdown: the move's heading and verdict come first", async () => {
        const md = (await planned("hero → zero", "markdown")).stdout;
        assert.ok(md.startsWith("### Stage move `hero` → `zero`"), md.slice(0, 200));
        assert.ok(md.indexOf("#### Stateful resources") < md.indexOf("**Runway plan:"));
    });

    it("sarif: still valid; every stateful resource the move loses is an error result at its source", async () => {
        const result = await planned("enterprise → hero", "sarif");
        const log = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
        assert.ok(isSarifValid(log));
        const doc = JSON.parse((await planned("enterprise → hero", "json")).stdout) as PlanDocument;
        const lost = doc.transition?.resources.filter((r) => r.dataLoss === true) ?? [];
        const errors = log.runs[0].results.filter((r) => r.ruleId === "runway-stage-move-data-loss");
        assert.strictEqual(errors.length, lost.length);
        for (const e of errors) assert.strictEqual(e.level, "error");
    });

    it("junit: one valid document with a stage-move suite", async () => {
        const xml = (await planned("hero → zero", "junit")).stdout;
        parseXml(xml);
        assert.match(xml, /<testsuite name="stage-move"/);
    });

    it("--from equal to the target stage (and --stage defaulting to the stack's): what --config alone changes", async () => {
        const same = await plan(["--stack", "dev", "--from", "hero", "--format", "json"], {});
        const doc = JSON.parse(same.stdout) as PlanDocument;
        assert.strictEqual(doc.transition?.to, "hero", "--stage defaults to the stack file's runway:stage");
        assert.deepStrictEqual([...new Set(doc.transition?.resources.map((r) => r.action))], ["keep"]);
        const resized = JSON.parse((await plan(["--stack", "dev", "--from", "hero", "--config", "runway:cacheNodeType=cache.t4g.small", "--format", "json"], {})).stdout) as PlanDocument;
        const cache = resized.transition?.resources.find((r) => r.type === "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.strictEqual(cache?.action, "update", JSON.stringify(cache));
        assert.match(cache?.reason ?? "", /nodeType/);
    });

    it("a from run that cannot run is bad input naming the --from run (exit 2, nothing on stdout)", async () => {
        const result = await plan(["--stack", "dev", "--from", "zero", "--stage", "hero", "--from-config", "runway:azCount=99", "--format", "json"], {});
        assert.strictEqual(result.code, 2, result.stderr);
        assert.strictEqual(result.stdout, "");
        assert.match(result.stderr, /^runway plan: the --from zero run .*azCount/);
        assert.strictEqual(result.stderr.trim().split("\n").length, 1, result.stderr);
    });
});
