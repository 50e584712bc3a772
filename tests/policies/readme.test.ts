import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies, rules } from "../../policies/pack";

const readme = fs.readFileSync(path.join(__dirname, "../../policies/README.md"), "utf8");

describe("policies/README.md", () => {
    it("lists every policy with its level and severity", () => {
        for (const p of policies) {
            const row = readme.split("\n").find((l) => l.startsWith(`| \`${p.name}\` |`));
            assert.ok(row, `${p.name} is missing from the README table`);
            const cells = row.split("|").map((c) => c.trim());
            assert.ok(cells[2].startsWith(p.enforcementLevel ?? ""), `${p.name}: level ${cells[2]} != ${p.enforcementLevel}`);
            assert.equal(cells[3], p.severity, `${p.name}: severity`);
        }
    });

    it("lists no policy the pack does not have", () => {
        const names = new Set(policies.map((p) => p.name));
        const listed = [...readme.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
        assert.deepEqual(listed.filter((n) => !names.has(n)), []);
    });

    it("gives every rule remediation steps and a unique name", () => {
        assert.equal(new Set(policies.map((p) => p.name)).size, policies.length);
        for (const r of rules) assert.ok(r.remediationSteps.length > 20, r.name);
    });
});
