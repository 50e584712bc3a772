import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { renderTransitionMarkdown, renderTransitionText } from "../../plan/formats/transition";
import { computeTransition, statefulTypes, typeInfo, type Transition, type TransitionResource } from "../../transition";
import { parseCatalog, RECIPE_TITLES } from "../../transition/catalog";
import { parsePropertyPath } from "../../transition/compare";
import { SECRET_SIG, SIG_KEY, UNKNOWN_STRING } from "../../model/wire";
import { programRun, resource } from "./lib/runs";

const RDS = "aws:rds/instance:Instance";
const AURORA = "aws:rds/cluster:Cluster";
const BUCKET = "aws:s3/bucket:Bucket";
const SUBNET_GROUP = "aws:rds/subnetGroup:SubnetGroup";

const db = (inputs: Record<string, unknown> = {}, options = {}) =>
    resource(RDS, "db", { engine: "postgres", instanceClass: "db.t4g.micro", storageEncrypted: true, ...inputs }, options);

function row(t: Transition, name: string): TransitionResource {
    const found = t.resources.find((r) => r.urn.endsWith(`::${name}`));
    assert.ok(found, `no row for ${name} in ${t.resources.map((r) => r.urn).join(", ")}`);
    return found;
}

describe("transition engine (hand-made runs)", () => {
    it("keeps a resource with the same URN and the same inputs", () => {
        const t = computeTransition(programRun("a", [db()]), programRun("b", [db()]));
        assert.strictEqual(row(t, "db").action, "keep");
        assert.strictEqual(t.blocked, false);
        assert.deepStrictEqual({ from: t.from, to: t.to }, { from: "a", to: "b" });
    });

    it("updates in place when only a property that does not force replacement changes", () => {
        const t = computeTransition(programRun("a", [db()]), programRun("b", [db({ instanceClass: "db.t4g.small", multiAz: true })]));
        const r = row(t, "db");
        assert.strictEqual(r.action, "update");
        assert.deepStrictEqual(r.changes, ["instanceClass", "multiAz"]);
        assert.match(r.reason, /instanceClass "db.t4g.micro" → "db.t4g.small"/);
    });

    it("replaces and names the property when a replacement-forcing property changes", () => {
        const t = computeTransition(programRun("a", [db()]), programRun("b", [db({ engine: "aurora-postgresql", instanceClass: "db.t4g.small" })]));
        const r = row(t, "db");
        assert.strictEqual(r.action, "replace");
        assert.strictEqual(r.property, "engine");
        assert.match(r.reason, /engine changes \("postgres" → "aurora-postgresql"\), which forces replacement \[terraform-provider-aws/);
        assert.strictEqual(r.stateful, true);
        assert.strictEqual(r.dataLoss, true);
        assert.strictEqual(r.recipe?.doc, "docs/growth.md#recipe-rds-to-aurora");
        assert.strictEqual(t.blocked, true);
    });

    it("replaces when a nested replacement-forcing property changes (rootBlockDevice.encrypted)", () => {
        const vm = (encrypted: boolean) => resource("aws:ec2/instance:Instance", "vm", { ami: "ami-1", rootBlockDevice: { encrypted, volumeSize: 20 } });
        const t = computeTransition(programRun("a", [vm(false)]), programRun("b", [vm(true)]));
        assert.strictEqual(row(t, "vm").action, "replace");
        assert.strictEqual(row(t, "vm").property, "rootBlockDevice.encrypted");
    });

    it("treats userData as replacement-forcing only when userDataReplaceOnChange is true", () => {
        const vm = (userData: string, replace: boolean) => resource("aws:ec2/instance:Instance", "vm", { ami: "ami-1", userData, userDataReplaceOnChange: replace });
        assert.strictEqual(row(computeTransition(programRun("a", [vm("a", false)]), programRun("b", [vm("b", false)])), "vm").action, "update");
        assert.strictEqual(row(computeTransition(programRun("a", [vm("a", true)]), programRun("b", [vm("b", true)])), "vm").action, "replace");
    });

    it("follows an alias to the old URN and reports the move as alias", () => {
        const old = resource(BUCKET, "assets", { bucket: "acme-assets" });
        const moved = resource(BUCKET, "assets-bucket", { bucket: "acme-assets" }, { aliases: [old.urn] });
        const t = computeTransition(programRun("a", [old]), programRun("b", [moved]));
        const r = row(t, "assets-bucket");
        assert.strictEqual(r.action, "alias");
        assert.strictEqual(r.aliasedFrom, old.urn);
        assert.strictEqual(t.resources.length, 1, "the aliased resource is not also deleted");
        assert.strictEqual(t.blocked, false);
    });

    it("carries children along when only their parent component aliases its old type (engine alias inheritance)", () => {
        const oldStage = resource("runway:stage:Hero", "runway");
        const newStage = resource("runway:stage:Enterprise", "runway", {}, { aliases: [oldStage.urn] });
        const oldBucket = resource(BUCKET, "assets", { bucket: "acme" }, { parent: oldStage.urn });
        const newBucket = resource(BUCKET, "assets", { bucket: "acme" }, { parent: newStage.urn });
        const t = computeTransition(programRun("hero", [oldStage, oldBucket]), programRun("enterprise", [newStage, newBucket]));
        assert.strictEqual(row(t, "assets").action, "alias");
        assert.strictEqual(t.summary.delete, 0);
    });

    it("creates what is new and deletes what is gone, hinting the alias when a twin appears under a new parent", () => {
        const oldParent = resource("runway:server:Old", "p");
        const newParent = resource("runway:server:New", "p");
        const before = resource(BUCKET, "uploads", { bucket: "acme-uploads" }, { parent: oldParent.urn });
        const after = resource(BUCKET, "uploads", { bucket: "acme-uploads" }, { parent: newParent.urn });
        const t = computeTransition(programRun("a", [oldParent, before]), programRun("b", [newParent, after]));
        const deleted = t.resources.find((r) => r.urn === before.urn);
        const created = t.resources.find((r) => r.urn === after.urn);
        assert.strictEqual(deleted?.action, "delete");
        assert.strictEqual(created?.action, "create");
        assert.match(deleted?.hint ?? "", /add aliases: \["urn:pulumi:test::runway::runway:server:Old\$aws:s3\/bucket:Bucket::uploads"\]/);
        assert.match(deleted?.reason ?? "", /deleting it destroys every object in the bucket/);
        assert.strictEqual(t.blocked, true);
    });

    it("keeps auto-named resources: no explicit name on either side is no change", () => {
        const t = computeTransition(programRun("a", [resource(BUCKET, "logs", {})]), programRun("b", [resource(BUCKET, "logs", {})]));
        assert.strictEqual(row(t, "logs").action, "keep");
    });

    it("says 'may change' for an unknown input whose source is being created, and replaces when it forces replacement", () => {
        const group = resource(SUBNET_GROUP, "subnets-v2", { subnetIds: ["subnet-1"] });
        const before = resource(AURORA, "cluster", { engine: "aurora-postgresql", dbSubnetGroupName: "subnets-v1" });
        const after = resource(AURORA, "cluster", { engine: "aurora-postgresql", dbSubnetGroupName: UNKNOWN_STRING }, { propertyDependencies: { dbSubnetGroupName: [group.urn] } });
        const t = computeTransition(programRun("a", [before]), programRun("b", [group, after], true));
        const r = row(t, "cluster");
        assert.strictEqual(r.action, "replace");
        assert.strictEqual(r.property, "dbSubnetGroupName");
        assert.deepStrictEqual(r.unknown, ["dbSubnetGroupName"]);
        assert.match(r.reason, /may change \(comes from subnets-v2 \(create\)\)/);
        assert.strictEqual(t.preview, true);
        assert.match(renderTransitionText(t), /not known until apply/);
    });

    it("treats an unknown input derived only from kept resources as unchanged", () => {
        const group = resource(SUBNET_GROUP, "subnets", { subnetIds: ["subnet-1"] });
        const before = resource(AURORA, "cluster", { engine: "aurora-postgresql", dbSubnetGroupName: "subnets-abc" }, { propertyDependencies: { dbSubnetGroupName: [group.urn] } });
        const after = resource(AURORA, "cluster", { engine: "aurora-postgresql", dbSubnetGroupName: UNKNOWN_STRING }, { propertyDependencies: { dbSubnetGroupName: [group.urn] } });
        const t = computeTransition(programRun("a", [group, before]), programRun("b", [group, after], true));
        assert.strictEqual(row(t, "cluster").action, "keep");
    });

    it("reports an unknown non-forcing input with no known source as a possible update", () => {
        const before = resource("aws:ssm/parameter:Parameter", "p", { name: "/app/x", value: "1" });
        const after = resource("aws:ssm/parameter:Parameter", "p", { name: "/app/x", value: UNKNOWN_STRING });
        const r = row(computeTransition(programRun("a", [before]), programRun("b", [after], true)), "p");
        assert.strictEqual(r.action, "update");
        assert.deepStrictEqual(r.unknown, ["value"]);
    });

    it("compares secrets by value and never prints them", () => {
        const secret = (value: string) => ({ [SIG_KEY]: SECRET_SIG, value });
        const group = (token: string) => resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { authToken: secret(token), numCacheClusters: 1 });
        assert.strictEqual(row(computeTransition(programRun("a", [group("s3cr3t-a")]), programRun("b", [group("s3cr3t-a")])), "cache").action, "keep");
        const t = computeTransition(programRun("a", [group("s3cr3t-a")]), programRun("b", [group("s3cr3t-b")]));
        assert.strictEqual(row(t, "cache").action, "update");
        assert.ok(!JSON.stringify(t).includes("s3cr3t"), "secret values must not appear in the transition");
    });

    it("grows a replication group from one node to two in place", () => {
        const group = (n: number) => resource("aws:elasticache/replicationGroup:ReplicationGroup", "cache", { replicationGroupId: "runway", numCacheClusters: n, automaticFailoverEnabled: n > 1, multiAzEnabled: n > 1 });
        const r = row(computeTransition(programRun("hero", [group(1)]), programRun("enterprise", [group(2)])), "cache");
        assert.strictEqual(r.action, "update");
    });

    it("accepts a stateful delete whose data a new resource restores from a snapshot", () => {
        const aurora = resource(AURORA, "cluster", { engine: "aurora-postgresql", snapshotIdentifier: "runway-hero-final" });
        const t = computeTransition(programRun("hero", [db()]), programRun("enterprise", [aurora]));
        assert.strictEqual(row(t, "db").action, "delete");
        assert.strictEqual(row(t, "db").migration, "snapshot-restore");
        assert.match(row(t, "cluster").reason, /restores from a snapshot \(snapshotIdentifier\)/);
        assert.strictEqual(t.blocked, false);
    });

    it("accepts a stateful delete of a retained resource, and flags protect as a stop", () => {
        const t = computeTransition(programRun("a", [db({}, { retainOnDelete: true, protect: true })]), programRun("b", []));
        const r = row(t, "db");
        assert.strictEqual(r.migration, "retained");
        assert.strictEqual(r.protectedBy, "protect");
        assert.strictEqual(t.blocked, false);
    });

    it("honours ignoreChanges: an ignored replacement-forcing input that changes or goes away neither replaces nor updates", () => {
        const restored = resource(AURORA, "cluster", { engine: "aurora-postgresql", snapshotIdentifier: "runway-hero-to-enterprise", backupRetentionPeriod: 14 });
        const cleared = (ignoreChanges: string[], retention = 14) => ({
            ...resource(AURORA, "cluster", { engine: "aurora-postgresql", masterUsername: "runway", databaseName: "runway", backupRetentionPeriod: retention }),
            ignoreChanges,
        });
        const without = row(computeTransition(programRun("a", [restored]), programRun("b", [cleared([])])), "cluster");
        assert.strictEqual(without.action, "replace");
        const ignored = ["snapshotIdentifier", "masterUsername", "databaseName"];
        const kept = row(computeTransition(programRun("a", [restored]), programRun("b", [cleared(ignored)])), "cluster");
        assert.strictEqual(kept.action, "keep", kept.reason);
        const updated = row(computeTransition(programRun("a", [restored]), programRun("b", [cleared(ignored, 21)])), "cluster");
        assert.strictEqual(updated.action, "update", "a change outside the ignored paths still shows");
        assert.deepStrictEqual(updated.changes, ["backupRetentionPeriod"]);
    });

    it("honours nested and wildcard ignoreChanges paths (rootBlockDevice.encrypted, tags.*)", () => {
        const vm = (encrypted: boolean, size: number, ignoreChanges: string[]) => ({
            ...resource("aws:ec2/instance:Instance", "vm", { ami: "ami-1", rootBlockDevice: { encrypted, volumeSize: size }, tags: { team: encrypted ? "a" : "b" } }),
            ignoreChanges,
        });
        assert.strictEqual(row(computeTransition(programRun("a", [vm(false, 20, [])]), programRun("b", [vm(true, 20, ["rootBlockDevice.encrypted", "tags.*"])])), "vm").action, "keep");
        const resized = row(computeTransition(programRun("a", [vm(false, 20, [])]), programRun("b", [vm(true, 30, ['rootBlockDevice["encrypted"]', "tags[*]"])])), "vm");
        assert.strictEqual(resized.action, "update");
        assert.deepStrictEqual(resized.changes, ["rootBlockDevice"]);
    });

    it("parses ignoreChanges property paths as the engine does", () => {
        assert.deepStrictEqual(parsePropertyPath("snapshotIdentifier"), ["snapshotIdentifier"]);
        assert.deepStrictEqual(parsePropertyPath("rootBlockDevice.encrypted"), ["rootBlockDevice", "encrypted"]);
        assert.deepStrictEqual(parsePropertyPath('tags["kubernetes.io/role"]'), ["tags", "kubernetes.io/role"]);
        assert.deepStrictEqual(parsePropertyPath("ingress[0].cidrBlocks[*]"), ["ingress", "0", "cidrBlocks", "*"]);
        assert.strictEqual(parsePropertyPath('tags["open'), undefined);
        assert.strictEqual(parsePropertyPath(""), undefined);
    });

    it("mentions the named final snapshot of a deleted database", () => {
        const t = computeTransition(programRun("a", [db({ skipFinalSnapshot: false, finalSnapshotIdentifier: "db-dev-final" })]), programRun("b", []));
        assert.match(row(t, "db").reason, /final snapshot "db-dev-final"/);
        assert.strictEqual(t.blocked, true);
    });

    it("puts stateful changes first and renders text and markdown with the verdict on top", () => {
        const sg = (d: string) => resource("aws:ec2/securityGroup:SecurityGroup", "sg", { description: d });
        const t = computeTransition(programRun("a", [sg("a"), db()]), programRun("b", [sg("b")]));
        assert.strictEqual(t.resources[0].urn.endsWith("::db"), true);
        assert.deepStrictEqual(t.summary, { keep: 0, update: 0, alias: 0, replace: 1, create: 0, delete: 1 });
        const text = renderTransitionText(t);
        assert.match(text.split("\n")[1], /^BLOCKED: 1 stateful resource/);
        assert.ok(text.indexOf("Stateful resources") < text.indexOf("Other changes"));
        const md = renderTransitionMarkdown(t);
        assert.match(md, /❌ BLOCKED/);
        assert.match(md, /\| \*\*delete\*\* \| `aws:rds\/instance:Instance` \| `db` \|/);
    });

    it("serialises to the JSON contract of the plan (from, to, resources with urn, type, action, stateful, reason)", () => {
        const t = computeTransition(programRun("zero", [db()]), programRun("hero", [db({ instanceClass: "db.t4g.small" })]));
        const json = JSON.parse(JSON.stringify(t)) as Record<string, unknown>;
        assert.strictEqual(json.from, "zero");
        assert.strictEqual(json.to, "hero");
        const [first] = json.resources as Record<string, unknown>[];
        for (const key of ["urn", "type", "action", "stateful", "reason"]) assert.ok(key in first, `missing ${key}`);
    });
});

describe("replacement-properties data file", () => {
    const doc = fs.readFileSync(path.resolve(__dirname, "../../docs/growth.md"), "utf8");

    it("gives every stateful type a recipe section that exists in docs/growth.md", () => {
        for (const type of statefulTypes()) {
            const anchor = typeInfo(type).recipe;
            assert.ok(anchor, `${type} has no recipe`);
            assert.ok(doc.includes(`<a id="${anchor}"></a>`), `docs/growth.md has no section ${anchor} (for ${type})`);
        }
        for (const anchor of Object.keys(RECIPE_TITLES)) assert.ok(doc.includes(`<a id="${anchor}"></a>`), `docs/growth.md has no section ${anchor}`);
    });

    it("names the core replacement-forcing properties the growth path depends on", () => {
        const forced = (type: string) => typeInfo(type).replaceOnChange.map((p) => p.property);
        assert.ok(forced(RDS).includes("engine") && forced(RDS).includes("kmsKeyId") && forced(RDS).includes("storageEncrypted"));
        assert.ok(forced(AURORA).includes("dbSubnetGroupName") && forced(AURORA).includes("clusterIdentifier"));
        assert.ok(forced("aws:elasticache/replicationGroup:ReplicationGroup").includes("replicationGroupId"));
        assert.ok(!forced("aws:elasticache/replicationGroup:ReplicationGroup").includes("numCacheClusters"));
        assert.ok(forced("aws:ec2/subnet:Subnet").includes("cidrBlock") && forced("aws:ec2/vpc:Vpc").includes("cidrBlock"));
        assert.ok(forced("aws:ecr/repository:Repository").includes("name"));
    });

    it("rejects a malformed catalogue with a message naming the type", () => {
        assert.throws(() => parseCatalog({ types: { "aws:x/y:Z": { stateful: "yes" } } }), /aws:x\/y:Z: "stateful" must be true or false/);
        assert.throws(() => parseCatalog({ types: { "aws:x/y:Z": { stateful: true, replaceOnChange: [{ property: "a" }] } } }), /needs "property" and a non-empty "source"/);
        assert.throws(() => parseCatalog({ types: { "aws:x/y:Z": { stateful: true, recipe: "nope" } } }), /unknown recipe "nope"/);
    });
});
