/**
 * One spec per rule, as pulumi/compliance-policies keeps them: `tests/policies/rules/<rule>.test.ts` holds the rule's
 * blocking cases, its near-miss passes and its metadata. A rule added to the pack without a spec fails here.
 */
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { rules } from "../../policies/pack";

const SPECS = path.join(__dirname, "rules");
const SUFFIX = ".test.ts";
const specs = fs.readdirSync(SPECS).filter((f) => f.endsWith(SUFFIX));

describe("rule specs", () => {
    it("gives every rule of the pack its own spec, tests/policies/rules/<rule>.test.ts", () => {
        assert.deepEqual(rules.map((r) => r.name).filter((name) => !specs.includes(`${name}${SUFFIX}`)), []);
    });

    it("keeps no spec for a rule the pack does not have", () => {
        const names = new Set(rules.map((r) => r.name));
        assert.deepEqual(specs.filter((f) => !names.has(f.slice(0, -SUFFIX.length))), []);
    });

    it("declares each rule's metadata in its spec", () => {
        const without = specs.filter((f) => !fs.readFileSync(path.join(SPECS, f), "utf8").includes("declaresMetadata("));
        assert.deepEqual(without, []);
    });
});
