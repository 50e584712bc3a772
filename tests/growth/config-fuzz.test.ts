import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as fc from "fast-check";
import * as yaml from "js-yaml";
import { ConfigError, validateConfig } from "../../config/validate";
import { ProgramError } from "../../harness";
import { PROGRAM, stageRun } from "./lib/stage-runs";

/** Every key of Pulumi.yaml's `config:` block, with its declared default. */
function declaredKeys(): Record<string, string> {
    const doc = yaml.load(fs.readFileSync(path.resolve(path.dirname(PROGRAM), "Pulumi.yaml"), "utf8")) as { config?: Record<string, { default?: unknown }> };
    const result: Record<string, string> = {};
    for (const [key, spec] of Object.entries(doc.config ?? {})) result[key] = String(spec.default ?? "");
    return result;
}

const KEYS = declaredKeys();
const KEY_NAMES = Object.keys(KEYS);

/** Values that hit edges: empty, auto, signs, decimals, huge, booleans, stages, CIDRs, regions, unicode. */
const EDGE = fc.constantFrom(
    "", " ", "auto", "AUTO", "true", "false", "yes", "0", "-1", "1", "2", "3", "7", "6", "7.5", "1e3", "0x10", "NaN", "Infinity", "99999999999999999999",
    "zero", "hero", "enterprise", "Hero", "us-east-1", "us-west-2", "eu-central-1", "mars-1", "10.0.0.0/16", "10.0.0.0/8", "300.0.0.0/16", "10.0.0.0/24",
    "app.example.com", "APP.example.com", "-bad-.com", "ops@example.com", "not-an-email", "Z0123456789ABCDEFGHIJ", "t4g.small", "t3.micro", "db.t4g.micro",
    "cache.t4g.small", "16.6", "cron(0 20 ? * MON-FRI *)", "rate(5 minutes)", "ghcr.io/acme/app:1.2.3", "x".repeat(300), "null", "undefined", "{}", "[]", "\u0000", "🚀",
);
const VALUE = fc.oneof(EDGE, fc.integer({ min: -100_000, max: 100_000 }).map(String), fc.double({ noNaN: false }).map(String), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 20 }));
/** A random override set: declared keys (and sometimes an undeclared one) with random values. */
const OVERRIDES = fc.dictionary(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...KEY_NAMES) }, { weight: 1, arbitrary: fc.constantFrom("runway:typo", "runway:Stage", "runway:min_tasks") }), VALUE, { maxKeys: 6 });

/** Asserts `err` is the named-key error: a ConfigError naming a runway: key, the bad value and what is allowed. */
function assertNamedKeyError(err: unknown, given: Record<string, string>): void {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${err instanceof Error ? `${err.name}: ${err.message}\n${err.stack}` : String(err)}`);
    assert.ok(err.key.startsWith("runway:"), err.message);
    assert.ok(KEY_NAMES.includes(err.key) || err.key in given, `error names ${err.key}, which is neither declared nor given`);
    assert.ok(err.message.startsWith(`${err.key} = ${JSON.stringify(err.value)} is not allowed: expected `), err.message);
    assert.ok(err.allowed.length > 0);
}

describe("config fuzz", function () {
    this.timeout(120_000);

    it("reads its keys from Pulumi.yaml's config block", () => {
        assert.ok(KEY_NAMES.length >= 20, `only ${KEY_NAMES.length} keys`);
        assert.ok(KEY_NAMES.includes("runway:stage"));
    });

    it("the validator either accepts or throws the named-key ConfigError, for 1,500 random configs", () => {
        let accepted = 0;
        fc.assert(
            fc.property(OVERRIDES, fc.constantFrom("zero", "hero", "enterprise"), (overrides, stage) => {
                const raw = { ...KEYS, "runway:stage": stage, "runway:domain": "app.example.com", ...overrides };
                try {
                    const config = validateConfig(raw);
                    accepted++;
                    assert.ok(["zero", "hero", "enterprise"].includes(config.stage));
                    assert.ok(config.web.minTasks <= config.web.maxTasks && config.network.azCount >= 2 && config.network.azCount <= 6);
                } catch (err) {
                    assertNamedKeyError(err, raw);
                }
            }),
            { numRuns: 1500, seed: 12 },
        );
        assert.ok(accepted > 50, `only ${accepted} of 1,500 configs were valid: the fuzz does not reach the stages`);
    });

    it("every single key with a random value: accepted, or an error naming that key (1,000 cases)", () => {
        fc.assert(
            fc.property(fc.constantFrom(...KEY_NAMES), VALUE, (key, value) => {
                const raw = { ...KEYS, "runway:stage": "enterprise", "runway:domain": "app.example.com", [key]: value };
                try {
                    validateConfig(raw);
                } catch (err) {
                    assertNamedKeyError(err, raw);
                    const related = [key, "runway:backupRegion", "runway:domain", "runway:minTasks", "runway:desiredTasks", "runway:workerMinTasks", "runway:taskMemory", "runway:auroraMinAcu", "runway:cacheNodes", "runway:assetsArchiveDays"];
                    assert.ok(related.includes((err as ConfigError).key), `${key}=${JSON.stringify(value)} was blamed on ${(err as ConfigError).key}`);
                }
            }),
            { numRuns: 1000, seed: 7 },
        );
    });

    it("the whole program under mocks: succeeds, or fails with the named-key error before declaring anything (16 runs)", async () => {
        const cases = fc.sample(fc.tuple(fc.constantFrom("dev", "prod"), OVERRIDES), { numRuns: 16, seed: 3 });
        let succeeded = 0;
        for (const [stack, overrides] of cases) {
            try {
                const run = await stageRun(stack, overrides);
                succeeded++;
                assert.ok(run.resources.some((r) => r.type.startsWith("runway:stage:")), "a successful run declares its stage component");
            } catch (err) {
                assert.ok(err instanceof ProgramError, `not a ProgramError: ${String(err)}`);
                assert.strictEqual(err.kind, "config", `${stack} ${JSON.stringify(overrides)}: ${err.message}`);
                assertNamedKeyError(err.cause, { ...KEYS, ...overrides });
                assert.deepStrictEqual(err.resources.map((r) => r.urn), [], "a config error must leave nothing declared");
            }
        }
        assert.ok(succeeded >= 1, "at least one random config must still deploy");
    });
});
