import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies, rules } from "../../policies/pack";

const readme = fs.readFileSync(path.join(__dirname, "../../policies/README.md"), "utf8");

/** Every name a user configures or waives: each rule (resource rules are CrossGuard policies of the same name;
 * graph rules are configured inside `runway-graph`) and each CrossGuard policy. */
const listedItems = [...rules.map((r) => ({ name: r.name, level: r.enforcementLevel, severity: r.severity })), ...policies.filter((p) => !rules.some((r) => r.name === p.name)).map((p) => ({ name: p.name, level: p.enforcementLevel, severity: p.severity }))];

describe("policies/README.md", () => {
    it("lists every rule and every policy with its level and severity", () => {
        for (const p of listedItems) {
            const row = readme.split("\n").find((l) => l.startsWith(`| \`${p.name}\` |`));
            assert.ok(row, `${p.name} is missing from the README table`);
            const cells = row.split("|").map((c) => c.trim());
            assert.ok(cells[2].startsWith(p.level ?? ""), `${p.name}: level ${cells[2]} != ${p.level}`);
            assert.equal(cells[3], p.severity, `${p.name}: severity`);
        }
    });

    it("lists no rule or policy the pack does not have", () => {
        const names = new Set(listedItems.map((p) => p.name));
        const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
        assert.deepEqual(listed.filter((n) => !names.has(n)), []);
    });

    it("gives every rule remediation steps and a unique name", () => {
        assert.equal(new Set(policies.map((p) => p.name)).size, policies.length);
        assert.equal(new Set(rules.map((r) => r.name)).size, rules.length);
        for (const r of rules) assert.ok(r.remediationSteps.length > 20, r.name);
    });
});
