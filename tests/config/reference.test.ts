import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { loadStackConfig } from "../../harness";
import { CONFIG_SCHEMA } from "../../config/schema";

const ROOT = path.resolve(__dirname, "../..");

/** Rows of the README's config reference table: key → [type, default]. */
function readmeTable(): Map<string, [string, string]> {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.split("## Config reference")[1]?.split("\n## ")[0] ?? "";
    const rows = new Map<string, [string, string]>();
    for (const line of section.split("\n")) {
        const match = /^\| `([^`]+)` \| (\w+) \| `([^`]*)` \|/.exec(line);
        if (match) rows.set(match[1], [match[2], match[3] === '""' ? "" : match[3]]);
    }
    return rows;
}

describe("config reference", () => {
    const declared = loadStackConfig(path.join(ROOT, "index.ts"), "no-such-stack").values;

    it("lists every Pulumi.yaml key in the README table, and nothing else", () => {
        assert.deepEqual([...readmeTable().keys()].sort(), Object.keys(declared).sort());
    });

    it("gives each key the same default in Pulumi.yaml and the README", () => {
        for (const [key, [, fallback]] of readmeTable()) assert.equal(fallback, declared[key], key);
    });

    it("declares in Pulumi.yaml exactly the keys the validator reads, with the schema's defaults and types", () => {
        assert.deepEqual(CONFIG_SCHEMA.map((s) => s.key).sort(), Object.keys(declared).sort());
        const yaml = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");
        for (const spec of CONFIG_SCHEMA) {
            assert.equal(declared[spec.key], String(spec.default), spec.key);
            assert.match(yaml, new RegExp(`  ${spec.key}:\\n    type: ${spec.type}\\n    default: .+\\n    description: .+`), spec.key);
            assert.equal(readmeTable().get(spec.key)?.[0], spec.type, spec.key);
        }
    });

    it("keeps the stack files to declared keys", () => {
        for (const stack of ["dev", "prod"]) {
            const values = loadStackConfig(path.join(ROOT, "index.ts"), stack).values;
            for (const key of Object.keys(values)) assert.ok(key in declared, `${stack}: ${key}`);
        }
    });
});
