import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { loadStackConfig } from "../../harness";
import { STAGES } from "../../config/defaults";
import { renderConfigBlock, withConfigBlock, withConfigReference } from "../../config/docs";
import { CONFIG_SCHEMA, KEY_NAMES, fullKey } from "../../config/schema";
import { validateConfig } from "../../config/validate";

const ROOT = path.resolve(__dirname, "../..");
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), "utf8");
const STALE = "differs from config/schema.ts: run npm run config:docs";

describe("config reference", () => {
    const declared = loadStackConfig(path.join(ROOT, "index.ts"), "no-such-stack").values;

    it("Pulumi.yaml's config block is the one rendered from the schema", () => {
        assert.equal(read("Pulumi.yaml"), withConfigBlock(read("Pulumi.yaml")), `Pulumi.yaml ${STALE}`);
    });

    it("the README's config reference is the one rendered from the schema", () => {
        assert.equal(read("README.md"), withConfigReference(read("README.md")), `README.md ${STALE}`);
    });

    it("renders a config block that parses back to the schema's keys, types and defaults", () => {
        const block = yaml.load(renderConfigBlock()) as { config: Record<string, { type: string; default: unknown }> };
        assert.deepEqual(Object.keys(block.config), KEY_NAMES.map(fullKey));
        for (const name of KEY_NAMES) {
            const spec = CONFIG_SCHEMA[name];
            assert.deepEqual([block.config[fullKey(name)].type, String(block.config[fullKey(name)].default)], [spec.type, String(spec.default)], name);
            assert.equal(declared[fullKey(name)], String(spec.default), name);
        }
    });

    it("Pulumi.yaml's defaults mean what no config at all means, in every stage", () => {
        for (const stage of STAGES) {
            const raw = { ...declared, "runway:stage": stage, "runway:domain": "app.example.com" };
            assert.deepEqual(validateConfig(raw), validateConfig({ "runway:stage": stage, "runway:domain": "app.example.com" }), stage);
        }
    });

    it("takes auto exactly where the default depends on something else", () => {
        for (const name of KEY_NAMES) {
            const spec = CONFIG_SCHEMA[name];
            assert.equal(spec.default === "auto", spec.auto !== undefined, name);
            assert.equal(spec.allowed.endsWith(' or "auto"'), spec.auto !== undefined, name);
        }
    });

    it("keeps the stack files to declared keys", () => {
        for (const stack of ["dev", "prod"]) {
            const values = loadStackConfig(path.join(ROOT, "index.ts"), stack).values;
            for (const key of Object.keys(values)) assert.ok(key in declared, `${stack}: ${key}`);
        }
    });

    it("npm run config:docs -- --check passes on the files as they are", () => {
        const result = spawnSync(process.execPath, ["-r", path.join(ROOT, "harness/ts-register.js"), path.join(ROOT, "config/write-docs.ts"), "--check"], { cwd: ROOT, encoding: "utf8" });
        assert.equal(result.status, 0, result.stderr);
    });
});
