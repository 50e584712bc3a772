import { strict as assert } from "assert";
import { ConfigError, validateConfig } from "../../config/validate";

const HERO = { "runway:stage": "hero", "runway:domain": "app.example.com" };

/** Asserts `raw` fails on `key` with `value`, and that the message names key, value and what is allowed. */
function rejects(raw: Record<string, string>, key: string, value: string, allowed: RegExp): void {
    assert.throws(
        () => validateConfig(raw),
        (err: unknown) => {
            assert.ok(err instanceof ConfigError, String(err));
            assert.equal(err.key, key);
            assert.equal(err.value, value);
            assert.match(err.allowed, allowed);
            assert.ok(err.message.includes(key) && err.message.includes(JSON.stringify(value)) && err.message.includes(err.allowed), err.message);
            return true;
        },
    );
}

describe("config validation", () => {
    it("fills every default for an empty config (stage zero)", () => {
        const cfg = validateConfig({});
        assert.equal(cfg.stage, "zero");
        assert.deepEqual([cfg.web.minTasks, cfg.web.maxTasks, cfg.web.cpuTarget, cfg.web.scaleInCooldown, cfg.web.scaleOutCooldown], [2, 10, 70, 300, 60]);
        assert.deepEqual(cfg.assets, { iaDays: 30, archiveDays: 90 });
    });

    it("resolves auto keys to the stage's defaults", () => {
        const hero = validateConfig({ ...HERO, "runway:azCount": "auto" });
        const enterprise = validateConfig({ ...HERO, "runway:stage": "enterprise" });
        assert.deepEqual([hero.network.azCount, hero.network.natPerAz, hero.protect, hero.cache.nodes], [2, false, false, 1]);
        assert.deepEqual([enterprise.network.azCount, enterprise.network.natPerAz, enterprise.protect, enterprise.cache.nodes], [3, true, true, 2]);
    });

    it("rejects an unknown stage", () => rejects({ "runway:stage": "unicorn" }, "runway:stage", "unicorn", /zero \| hero \| enterprise/));
    it("rejects a negative count", () => rejects({ "runway:minTasks": "-1" }, "runway:minTasks", "-1", /integer from 0 to 1000/));
    it("rejects min > max", () => rejects({ "runway:minTasks": "5", "runway:maxTasks": "3" }, "runway:minTasks", "5", /no greater than runway:maxTasks \(3\)/));
    it("rejects worker min > max", () => rejects({ "runway:workerMinTasks": "4", "runway:workerMaxTasks": "2" }, "runway:workerMinTasks", "4", /runway:workerMaxTasks \(2\)/));
    it("rejects desired outside min..max", () => rejects({ "runway:desiredTasks": "11" }, "runway:desiredTasks", "11", /from runway:minTasks \(2\) to runway:maxTasks \(10\)/));
    it("rejects an AZ count below 2", () => rejects({ ...HERO, "runway:azCount": "1" }, "runway:azCount", "1", /integer from 2 to 6/));
    it("rejects an AZ count above 6", () => rejects({ ...HERO, "runway:azCount": "7" }, "runway:azCount", "7", /integer from 2 to 6/));
    it("rejects a malformed email", () => rejects({ "runway:alertEmail": "ops@" }, "runway:alertEmail", "ops@", /email address/));
    it("rejects a malformed domain", () => rejects({ "runway:domain": "not a domain" }, "runway:domain", "not a domain", /DNS name/));
    it("requires a domain for hero", () => rejects({ "runway:stage": "hero" }, "runway:domain", "", /required for stage hero/));
    it("rejects a non-numeric number", () => rejects({ "runway:maxTasks": "ten" }, "runway:maxTasks", "ten", /integer/));
    it("rejects a bad boolean", () => rejects({ "runway:scheduleOffHours": "yes" }, "runway:scheduleOffHours", "yes", /true or false/));
    it("rejects a bad auto boolean", () => rejects({ "runway:protect": "maybe" }, "runway:protect", "maybe", /true or false or "auto"/));
    it("rejects Fargate memory the CPU size does not allow", () => rejects({ "runway:taskCpu": "256", "runway:taskMemory": "4096" }, "runway:taskMemory", "4096", /512, 1024, 2048/));
    it("rejects a non-Graviton instance type", () => rejects({ "runway:instanceType": "t3.micro" }, "runway:instanceType", "t3.micro", /Graviton/));
    it("rejects a log retention CloudWatch does not accept", () => rejects({ "runway:logRetentionDays": "10" }, "runway:logRetentionDays", "10", /one of 1, 3, 5, 7, 14/));
    it("rejects an archive transition less than 30 days after IA", () => rejects({ "runway:assetsArchiveDays": "45" }, "runway:assetsArchiveDays", "45", /at least 30 days after/));
    it("rejects a VPC CIDR outside /16../20", () => rejects({ "runway:vpcCidr": "10.0.0.0/24" }, "runway:vpcCidr", "10.0.0.0/24", /\/16 to \/20/));
    it("rejects a backup region equal to the region in enterprise", () =>
        rejects({ ...HERO, "runway:stage": "enterprise", "runway:backupRegion": "us-east-1" }, "runway:backupRegion", "us-east-1", /other than runway:region/));
    it("rejects a single Redis node in enterprise", () => rejects({ ...HERO, "runway:stage": "enterprise", "runway:cacheNodes": "1" }, "runway:cacheNodes", "1", /automatic failover/));
    it("rejects a misspelt key", () => rejects({ "runway:mintasks": "2" }, "runway:mintasks", "2", /declared in Pulumi.yaml/));
    it("rejects a retain key that is not a boolean", () => rejects({ "runway:retainZeroServer": "yes" }, "runway:retainZeroServer", "yes", /^true or false$/));
    it("rejects keeping zero's server in enterprise (cut over first)", () =>
        rejects({ ...HERO, "runway:stage": "enterprise", "runway:retainZeroServer": "true" }, "runway:retainZeroServer", "true", /false for stage enterprise .*zero → hero cut-over/));
    it("rejects keeping hero's database in zero (cut over first)", () =>
        rejects({ "runway:stage": "zero", "runway:retainHeroDatabase": "true" }, "runway:retainHeroDatabase", "true", /false for stage zero .*hero → enterprise cut-over/));
    it("reads both retain keys, off by default", () => {
        const off = validateConfig(HERO);
        assert.deepEqual([off.server.retainInHero, off.database.retainHeroInstance], [false, false]);
        const on = validateConfig({ ...HERO, "runway:retainZeroServer": "true", "runway:retainHeroDatabase": "true" });
        assert.deepEqual([on.server.retainInHero, on.database.retainHeroInstance], [true, true]);
    });
    it("rejects Aurora min capacity above max", () => rejects({ "runway:auroraMinAcu": "8", "runway:auroraMaxAcu": "4" }, "runway:auroraMinAcu", "8", /runway:auroraMaxAcu \(4\)/));
    it("rejects a stage-default memory size the chosen CPU does not allow", () =>
        rejects({ "runway:taskCpu": "4096" }, "runway:taskMemory", "auto", /8192, .* \(the sizes runway:taskCpu 4096 allows\)/));
    it("rejects a memory size that is no Fargate size", () => rejects({ "runway:taskMemory": "banana" }, "runway:taskMemory", "banana", /^an integer from 512 to 30720 or "auto"$/));
    it("suggests the key a misspelt one meant", () => rejects({ "runway:mintasks": "2" }, "runway:mintasks", "2", /did you mean runway:minTasks\?/));
    it("names a key's value as given when a rule between keys breaks", () =>
        rejects({ "runway:minTasks": " 5 ", "runway:maxTasks": "3" }, "runway:minTasks", "5", /no greater than runway:maxTasks \(3\)/));
    it("checks every key's own value before the rules between keys", () =>
        rejects({ "runway:minTasks": "5", "runway:maxTasks": "3", "runway:alertEmail": "nobody" }, "runway:alertEmail", "nobody", /email address/));
    it("reads desiredTasks as minTasks when auto", () => assert.equal(validateConfig({ "runway:minTasks": "3", "runway:desiredTasks": "auto" }).web.desiredTasks, 3));
    it("rejects auto for a key whose default is fixed", () => rejects({ "runway:minTasks": "auto" }, "runway:minTasks", "auto", /^an integer from 0 to 1000$/));
});
