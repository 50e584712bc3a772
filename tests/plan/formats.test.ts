import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { PlanDocument } from "../../plan/document";
import { collapseNames, countByType, shortType, wrap } from "../../plan/formats/common";
import { renderJunit } from "../../plan/formats/junit";
import { textTable } from "../../plan/formats/text-table";
import { renderTransitionText } from "../../plan/formats/transition";
import type { Transition } from "../../transition";
import { sarifValidator } from "./sarif-check";
import { findAll, parseXml } from "./xml-check";
import { plan, SMOKE, VIOLATING } from "./helpers";

interface SarifResult {
    ruleId: string;
    level: string;
    locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    partialFingerprints: Record<string, string>;
    suppressions?: unknown[];
}
interface SarifLog {
    version: string;
    runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string }; properties: Record<string, unknown> }[] } }; results: SarifResult[] }[];
}

describe("plan: report formats", function () {
    this.timeout(60_000);

    it("sarif: validates against the SARIF 2.1.0 schema, one rule per policy, levels from enforcement and severity", async () => {
        const result = await plan(["--program", VIOLATING, "--format", "sarif"]);
        assert.strictEqual(result.code, 1);
        const log = JSON.parse(result.stdout) as SarifLog;
        const validate = sarifValidator();
        assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
        assert.strictEqual(log.version, "2.1.0");
        const rules = log.runs[0].tool.driver.rules;
        assert.ok(rules.some((r) => r.id === "subnet-cidr-is-small" && r.defaultConfiguration.level === "warning" && r.properties["security-severity"] === "5.5"));
        assert.ok(rules.some((r) => r.id === "buckets-have-sse" && r.defaultConfiguration.level === "note"));
        const wide = log.runs[0].results.find((r) => r.ruleId === "subnet-cidr-is-small");
        assert.ok(wide);
        assert.strictEqual(wide.level, "warning", "mandatory + medium is a warning, not an error");
        assert.deepStrictEqual(wide.locations[0].physicalLocation.artifactLocation.uri, "tests/plan/fixtures/violating/index.ts");
        assert.strictEqual(wide.locations[0].physicalLocation.region.startLine, 5);
    });

    it("sarif: fingerprints are stable across runs (policy + URN only)", async () => {
        const a = JSON.parse((await plan(["--program", VIOLATING, "--format", "sarif"])).stdout) as SarifLog;
        const b = JSON.parse((await plan(["--program", VIOLATING, "--format", "sarif", "--usage", "none"])).stdout) as SarifLog;
        assert.deepStrictEqual(a.runs[0].results.map((r) => r.partialFingerprints), b.runs[0].results.map((r) => r.partialFingerprints));
    });

    it("junit: one well-formed document; each violation a failed case naming policy, resource and location", async () => {
        const result = await plan(["--program", VIOLATING, "--format", "junit"]);
        const root = parseXml(result.stdout);
        assert.strictEqual(root.name, "testsuites");
        const failures = findAll(root, "testcase").filter((c) => c.children.some((x) => x.name === "failure"));
        assert.strictEqual(failures.length, 2);
        const wide = failures.find((c) => /subnet-cidr-is-small/.test(c.attributes.name));
        assert.ok(wide);
        assert.match(wide.attributes.name, /wide/);
        assert.strictEqual(wide.attributes.file, "tests/plan/fixtures/violating/index.ts");
        assert.strictEqual(wide.attributes.line, "5");
        assert.match(wide.children[0].text, /location: tests\/plan\/fixtures\/violating\/index\.ts:5/);
        assert.strictEqual(root.attributes.failures, "2");
    });

    it("junit: a policy with no finding is a passing case", async () => {
        const root = parseXml((await plan(["--program", SMOKE, "--format", "junit"])).stdout);
        const suite = findAll(root, "testsuite").find((s) => s.attributes.name === "subnet-cidr-is-small");
        assert.ok(suite);
        assert.strictEqual(suite.attributes.failures, "0");
        assert.ok(suite.children.some((c) => c.name === "testcase" && c.children.length === 0));
    });

    it("junit: markup and quotes in a message are escaped, characters XML cannot carry dropped", async () => {
        const doc = JSON.parse((await plan(["--program", VIOLATING, "--format", "json"])).stdout) as PlanDocument;
        const message = `a <b> & "c" 'd'\u0001\uD800 🚀`;
        const root = parseXml(renderJunit({ ...doc, violations: doc.violations.map((v) => ({ ...v, message })) }));
        const failures = findAll(root, "failure");
        assert.strictEqual(failures.length, 2);
        for (const f of failures) {
            assert.strictEqual(f.attributes.message, `a <b> & "c" 'd' 🚀`);
            assert.ok(f.text.startsWith(`a <b> & "c" 'd' 🚀\npolicy: `), f.text);
        }
    });

    it("text tables: aligned columns by display width, no trailing spaces, a control character shown as a space", () => {
        const lines = textTable(
            [
                ["", "zero", "hero"],
                ["cost — total", "$1.00", ""],
                ["a\tb", "$10.00", "$2.00"],
            ],
            { align: ["left", "right", "right"], gap: "   ", indent: "  " },
        );
        assert.deepStrictEqual(lines, ["                   zero    hero", "  cost — total    $1.00", "  a b            $10.00   $2.00"]);
    });

    it("transition text: an update names each property and how it changes, from the row's propertyChanges", () => {
        const row = { urn: "urn:pulumi:dev::runway::aws:rds/instance:Instance::db", type: "aws:rds/instance:Instance", action: "update" as const, stateful: true, reason: "some other wording" };
        const t: Transition = {
            from: "hero",
            to: "enterprise",
            resources: [{ ...row, changes: ["instanceClass", "port"], propertyChanges: [{ property: "instanceClass", change: '"db.t4g.micro" → "db.r6g.large"' }, { property: "port", change: "may change (not known until apply)" }] }],
            summary: { keep: 0, update: 1, alias: 0, replace: 0, create: 0, delete: 0 },
            blocked: false,
            preview: false,
        };
        assert.match(renderTransitionText(t), /\n {2}UPDATE {3}aws:rds\/instance:Instance {2}db\n {11}instanceClass "db\.t4g\.micro" → "db\.r6g\.large"; port may change \(not known until apply\)\n/);
    });

    it("junit: the checker refuses broken XML", () => {
        assert.throws(() => parseXml("<a><b></a>"), /does not match/);
        assert.throws(() => parseXml('<a x="1" x="2"/>'), /duplicate/);
        assert.throws(() => parseXml("<a>1 & 2</a>"), /bad entity/);
        assert.throws(() => parseXml("<a/><b/>"), /more than one root/);
    });

    it("markdown: summary line first (blocked, counts, monthly cost), then tables, details and a mermaid block", async () => {
        const result = await plan(["--program", VIOLATING, "--format", "markdown"]);
        const lines = result.stdout.split("\n");
        assert.match(lines[0], /^❌ \*\*Runway plan: blocked\*\* — 1 mandatory violation, 1 advisory, 0 waived, 0 not evaluated · \*\*\$[\d.,]+\/month\*\*$/);
        assert.match(result.stdout, /\| ❌ \| mandatory \| medium \| `subnet-cidr-is-small` \| `wide` \| `tests\/plan\/fixtures\/violating\/index\.ts:5` \|/);
        assert.match(result.stdout, /#### Cost: \$/);
        assert.match(result.stdout, /<details>\n<summary>Diagram<\/summary>\n\n```mermaid\nflowchart LR/);
        assert.match(result.stdout, /<!-- runway-plan -->/);
    });

    it("common: short types, counts by type, numbered names collapsed, lines wrapped at commas", () => {
        assert.strictEqual(shortType("aws:ec2/subnet:Subnet"), "ec2.Subnet");
        assert.strictEqual(shortType("random:index/randomPassword:RandomPassword"), "random.RandomPassword");
        assert.strictEqual(shortType("pulumi:providers:aws"), "providers.aws");
        assert.strictEqual(countByType(["aws:s3/bucket:Bucket", "aws:ec2/subnet:Subnet", "aws:ec2/subnet:Subnet"]), "2 ec2.Subnet, 1 s3.Bucket");
        assert.strictEqual(collapseNames(["q0", "q1", "q2", "q3", "rt-0", "rt-2", "u1-db", "u4-db", "vpc"], 10), "q{0..3}, rt-{0,2}, u{1,4}-db, vpc");
        assert.strictEqual(collapseNames(["a", "b", "c", "d-0", "d-1"], 2), "a, b, … 3 more");
        assert.deepStrictEqual(wrap("  3 things: aaaa, bbbb, cccc", 20, "    "), ["  3 things: aaaa,", "    bbbb, cccc"]);
    });

    it("text: tree by component, violations by resource with level and severity, cost total, where the diagram went", async () => {
        const result = await plan(["--program", VIOLATING, "--format", "text"]);
        assert.match(result.stdout, /BLOCKED — 1 mandatory violation, 1 advisory/);
        assert.match(result.stdout, /aws:ec2\/subnet:Subnet wide {2}\(tests\/plan\/fixtures\/violating\/index\.ts:5\)\n {4}✖ mandatory\/medium {2}subnet-cidr-is-small/);
        assert.match(result.stdout, /\$[\d.]+ {2}total/);
        const diagram = /Diagram: (\S+\.mmd)/.exec(result.stdout)?.[1];
        assert.ok(diagram && fs.readFileSync(path.resolve(diagram), "utf8").startsWith("flowchart LR"));
        const tree = (await plan(["--program", SMOKE])).stdout;
        assert.match(tree, /\+ box {2}smoke:index:Box.*\n {6}\+ box-inner {2}smoke:index:Inner.*\n {10}- box-inner-bucket {2}aws:s3\/bucket:Bucket {2}\[protect/);
    });
});
