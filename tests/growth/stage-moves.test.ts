import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderTransitionText } from "../../plan/formats/transition";
import { computeTransition, type Transition, type TransitionResource } from "../../transition";
import type { ProgramRun } from "../../harness/types";
import { HERO_TO_ENTERPRISE_SNAPSHOT, MOVES, stageRun } from "./lib/stage-runs";

const GROWTH_DOC = fs.readFileSync(path.resolve(__dirname, "../../docs/growth.md"), "utf8");

function move(name: string, preview = false): Promise<Transition> {
    const m = MOVES[name];
    return Promise.all([stageRun(m.stack, m.from, preview), stageRun(m.stack, m.to, preview)]).then(([a, b]) => computeTransition(a, b));
}

function describeRows(rows: TransitionResource[]): string {
    return rows.map((r) => `\n  ${r.action} ${r.type} ${r.urn}\n    ${r.reason}${r.hint ? `\n    hint: ${r.hint}` : ""}${r.recipe ? `\n    recipe: ${r.recipe.doc}` : ""}`).join("");
}

/** `config` without `key` (`pulumi config rm`). */
function withoutKey(config: Record<string, string>, key: string): Record<string, string> {
    return Object.fromEntries(Object.entries(config).filter(([k]) => k !== key));
}

const destructive = (r: TransitionResource) => r.stateful && (r.action === "delete" || r.action === "replace");

/** Stateful resources declared with the same type and logical name in both runs. */
function sharedStateful(a: ProgramRun, b: ProgramRun): string[] {
    const key = (type: string, name: string) => `${type}::${name}`;
    const inB = new Set(b.resources.map((r) => key(r.type, r.name)));
    return a.resources.filter((r) => r.custom && inB.has(key(r.type, r.name))).map((r) => key(r.type, r.name));
}

describe("stage moves of Runway's real stages (mock runtime)", function () {
    this.timeout(120_000);

    for (const name of Object.keys(MOVES).filter((n) => MOVES[n].up)) {
        it(`${name}: deletes or replaces no stateful resource`, async () => {
            const t = await move(name);
            const bad = t.resources.filter(destructive);
            assert.deepStrictEqual(bad.map((r) => r.urn), [], `moving ${name} would delete or replace stateful resources:${describeRows(bad)}`);
        });

        it(`${name}: keeps every stateful resource both stages declare (same type and name) under the same identity`, async () => {
            const m = MOVES[name];
            const [a, b] = await Promise.all([stageRun(m.stack, m.from), stageRun(m.stack, m.to)]);
            const t = computeTransition(a, b);
            const shared = new Set(sharedStateful(a, b));
            const lost = t.resources.filter((r) => r.stateful && r.action === "delete" && shared.has(`${r.type}::${r.urn.slice(r.urn.lastIndexOf("::") + 2)}`));
            assert.deepStrictEqual(lost.map((r) => r.urn), [], `same-named stateful resources are recreated instead of kept:${describeRows(lost)}`);
            assert.ok(t.resources.some((r) => r.stateful && ["keep", "update", "alias"].includes(r.action)), "a move up keeps some data stores");
        });
    }

    it("hero → enterprise: the preview run (unknown provider outputs) finds no stateful replacement the update run does not", async () => {
        const [known, previewed] = await Promise.all([move("hero → enterprise"), move("hero → enterprise", true)]);
        const urns = (t: Transition) => t.resources.filter(destructive).map((r) => `${r.action} ${r.urn}`).sort();
        assert.deepStrictEqual(urns(previewed), urns(known));
        assert.strictEqual(previewed.preview, true);
    });

    it("hero → enterprise, then clearing runway:dbSnapshotIdentifier: the restored Aurora cluster is not replaced", async () => {
        const m = MOVES["hero → enterprise"];
        const after = await stageRun(m.stack, m.to);
        const cleared = await stageRun(m.stack, withoutKey(m.to, "runway:dbSnapshotIdentifier"));
        const t = computeTransition(after, cleared, { from: `enterprise (restored from ${HERO_TO_ENTERPRISE_SNAPSHOT})`, to: "enterprise" });
        const bad = t.resources.filter(destructive);
        assert.deepStrictEqual(bad.map((r) => r.urn), [], `unsetting the snapshot after the migration would replace data stores:${describeRows(bad)}`);
    });

    for (const [name, key, store] of [
        ["zero → hero", "runway:retainZeroServer", "server-instance"],
        ["hero → enterprise", "runway:retainHeroDatabase", "database-instance"],
    ] as const) {
        it(`${name}, after cut-over: ${key} false lets the stack forget ${store} but leaves it (and its data) in AWS`, async () => {
            const m = MOVES[name];
            const [during, after] = await Promise.all([stageRun(m.stack, m.to), stageRun(m.stack, withoutKey(m.to, key))]);
            const t = computeTransition(during, after, { from: `${m.to["runway:stage"]} (${key} true)`, to: `${m.to["runway:stage"]} (${key} false)` });
            const destroyed = t.resources.filter(destructive);
            assert.deepStrictEqual(destroyed.map((r) => `${r.action} ${r.urn.slice(r.urn.lastIndexOf("::") + 2)} ${r.migration ?? "no migration"}`), [`delete ${store} retained`], describeRows(destroyed));
            assert.strictEqual(t.blocked, false);
        });
    }

    for (const name of Object.keys(MOVES).filter((n) => !MOVES[n].up)) {
        it(`${name}: says clearly what it would destroy, each with its recipe`, async () => {
            const t = await move(name);
            const destroyed = t.resources.filter(destructive);
            assert.ok(destroyed.length > 0, `${name} destroys nothing stateful?`);
            const text = renderTransitionText(t);
            const statefulSection = text.slice(text.indexOf("Stateful resources:"), text.indexOf("Other changes:"));
            for (const r of destroyed) {
                assert.ok(r.recipe && GROWTH_DOC.includes(`<a id="${r.recipe.doc.split("#")[1]}"></a>`), `${r.urn} has no recipe in docs/growth.md`);
                assert.match(r.reason, r.action === "delete" ? /destroys|not declared/ : /forces replacement/);
                const line = `${r.action.toUpperCase().padEnd(8)} ${r.type}  ${r.urn.slice(r.urn.lastIndexOf("::") + 2)}`;
                assert.ok(statefulSection.includes(line), `the report's stateful section does not list ${line}`);
            }
            assert.strictEqual(t.blocked, destroyed.some((r) => r.dataLoss === true));
            if (t.blocked) assert.match(text.split("\n")[1], /^BLOCKED: /);
        });
    }

    it("hero → zero names the database, the cache, the registry and the queues it would delete", async () => {
        const t = await move("hero → zero");
        const names = t.resources.filter(destructive).map((r) => r.urn.slice(r.urn.lastIndexOf("::") + 2));
        for (const expected of ["database-instance", "cache-group", "registry-repo", "jobs-queue"]) assert.ok(names.includes(expected), `${expected} missing from ${names.join(", ")}`);
        const db = t.resources.find((r) => r.urn.endsWith("::database-instance"));
        assert.match(db?.reason ?? "", /final snapshot "database-dev-final"/);
        assert.strictEqual(t.blocked, true, "dev is not protected: the move down loses data and must exit 1");
    });

    it("enterprise → hero names the Aurora cluster, the KMS keys and the backup vaults", async () => {
        const t = await move("enterprise → hero");
        const types = new Set(t.resources.filter(destructive).map((r) => r.type));
        for (const expected of ["aws:rds/cluster:Cluster", "aws:kms/key:Key", "aws:backup/vault:Vault"]) assert.ok(types.has(expected), `${expected} missing`);
    });
});
