import { strict as assert } from "assert";
import type { DeclaredResource, ProgramRun } from "../../harness";
import { input, named, ofType, runStage } from "./helpers";

const INSTANCE = "aws:ec2/instance:Instance";
const RDS = "aws:rds/instance:Instance";

/** The URN with its stage component's type cut out: what the stage aliases make equal across stages. */
function stageless(urn: string): string {
    return urn.replace(/runway:stage:(Zero|Hero|Enterprise)/, "runway:stage:*");
}

/** Inputs without the keys the engine adds. */
function userInputs(resource: DeclaredResource): Record<string, unknown> {
    return Object.fromEntries(Object.entries(resource.inputs).filter(([key]) => !key.startsWith("__")));
}

function maybeNamed(run: ProgramRun, name: string): DeclaredResource | undefined {
    return run.resources.find((r) => r.name === name);
}

describe("data stores kept across stage moves (retain keys, create-only inputs)", () => {
    it("zero: the server is retained on delete and its root volume outlives termination, even unprotected", async () => {
        const zero = await runStage("zero");
        const server = named(zero, "server-instance");
        assert.equal(server.protect, false, "stage zero is not protected by default");
        assert.equal(server.retainOnDelete, true);
        assert.equal(input(server, "rootBlockDevice.deleteOnTermination"), false);
        assert.ok(server.ignoreChanges.includes("ami"));
    });

    it("hero: declares no EC2 instance by default (runway:retainZeroServer false keeps hero's cost)", async () => {
        const hero = await runStage("dev");
        assert.deepEqual(ofType(hero, INSTANCE), []);
    });

    it("hero with runway:retainZeroServer: keeps zero's server, same name, same parent chain, same inputs, with its alarms", async () => {
        const [zero, hero] = await Promise.all([runStage("dev", { "runway:stage": "zero" }), runStage("dev", { "runway:retainZeroServer": "true" })]);
        const before = named(zero, "server-instance");
        const after = named(hero, "server-instance");
        assert.equal(stageless(after.urn), stageless(before.urn));
        assert.deepEqual(userInputs(after), userInputs(before));
        assert.equal(after.retainOnDelete, true);
        const alarms = (run: ProgramRun) => ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => stageless(a.urn)).sort();
        assert.deepEqual(alarms(hero), alarms(zero), "the server keeps its status-check and CPU alarms");
    });

    it("enterprise with runway:retainHeroDatabase: keeps hero's RDS instance beside Aurora, with hero's inputs (no new KMS key)", async () => {
        const [hero, enterprise] = await Promise.all([
            runStage("prod", { "runway:stage": "hero" }),
            runStage("prod", { "runway:retainHeroDatabase": "true", "runway:dbSnapshotIdentifier": "runway-hero-to-enterprise" }),
        ]);
        const before = named(hero, "database-instance");
        const after = named(enterprise, "database-instance");
        assert.ok(maybeNamed(enterprise, "database-cluster"), "Aurora is declared too");
        assert.equal(stageless(after.urn), stageless(before.urn));
        const differing = Object.keys({ ...userInputs(before), ...userInputs(after) }).filter((key) => JSON.stringify(before.inputs[key]) !== JSON.stringify(after.inputs[key]));
        assert.deepEqual(differing, ["backupRetentionPeriod"], "only the stage's backup retention changes, in place");
        assert.equal(input(after, "kmsKeyId"), undefined);
        assert.equal(input(after, "snapshotIdentifier"), undefined, "the instance is not re-created from the Aurora migration snapshot");
        assert.equal(after.protect && after.retainOnDelete, true);
        assert.equal(input(after, "deletionProtection"), true);
        assert.equal(input(after, "finalSnapshotIdentifier"), "database-prod-final");
    });

    it("enterprise: declares no RDS instance by default (runway:retainHeroDatabase false)", async () => {
        assert.deepEqual(ofType(await runStage("prod"), RDS), []);
    });

    it("ignores the create-only inputs of the database, so clearing runway:dbSnapshotIdentifier changes nothing", async () => {
        const [hero, enterprise] = await Promise.all([runStage("dev"), runStage("prod")]);
        assert.deepEqual(named(hero, "database-instance").ignoreChanges, ["snapshotIdentifier", "username", "dbName"]);
        assert.deepEqual(named(enterprise, "database-cluster").ignoreChanges, ["snapshotIdentifier", "masterUsername", "databaseName"]);
    });

    it("keeps backups per stage: named final snapshots, never skipped; 7 days in hero, 14 in enterprise; deletion protection when protected", async () => {
        const [hero, enterprise] = await Promise.all([runStage("dev"), runStage("prod")]);
        const rds = named(hero, "database-instance");
        const aurora = named(enterprise, "database-cluster");
        assert.deepEqual([input(rds, "skipFinalSnapshot"), input(rds, "finalSnapshotIdentifier"), input(rds, "backupRetentionPeriod"), input(rds, "deletionProtection")], [false, "database-dev-final", 7, false]);
        assert.deepEqual([input(aurora, "skipFinalSnapshot"), input(aurora, "finalSnapshotIdentifier"), input(aurora, "backupRetentionPeriod"), input(aurora, "deletionProtection")], [false, "database-prod-final", 14, true]);
        assert.equal(input(named(enterprise, "cache-group"), "snapshotRetentionLimit"), 14);
    });
});
