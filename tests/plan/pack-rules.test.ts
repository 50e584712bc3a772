/**
 * Reports list every Runway RULE (graph rules run inside one stack policy, `runway-graph`, but each is still a SARIF
 * rule with its metadata and a JUnit suite), then the pack's companion policies; another pack lists its policies.
 */
import * as assert from "assert";
import { rules, runwayPack } from "../../policies/pack";
import { loadPack } from "../../plan/findings";
import { frameworkLabel } from "../../policies/lib/rule";
import { findAll, parseXml } from "./xml-check";
import { plan, SMOKE } from "./helpers";

interface SarifRule {
    id: string;
    defaultConfiguration: { level: string };
    properties: Record<string, unknown>;
}

const companions = runwayPack.policies.map((p) => p.name).filter((name) => !rules.some((r) => r.name === name));

describe("plan: reports list every rule of the pack", function () {
    this.timeout(60_000);

    it("sarif: one rule per Runway rule with its frameworks, topic and the policy that runs it, then the companions", async () => {
        const result = await plan(["--program", SMOKE, "--stage", "hero", "--format", "sarif"], {});
        const driverRules = (JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: SarifRule[] } } }[] }).runs[0].tool.driver.rules;
        const ids = driverRules.map((r) => r.id);
        assert.deepStrictEqual(ids.slice(0, rules.length + companions.length), [...rules.map((r) => r.name), ...companions]);
        for (const rule of rules) {
            const sarif = driverRules.find((r) => r.id === rule.name);
            assert.ok(sarif, rule.name);
            assert.deepStrictEqual(sarif.properties.frameworks, rule.frameworks.map(frameworkLabel), `${rule.name} frameworks`);
            assert.strictEqual(sarif.properties.severity, rule.severity);
            assert.strictEqual(sarif.properties.policy, rule.kind === "stack" ? "runway-graph" : rule.name, `${rule.name} is run by`);
            assert.ok((sarif.properties.tags as string[]).includes(rule.topic));
        }
        assert.ok(ids.includes("vpc-flow-logs") && ids.includes("db-high-availability"), "graph rules are listed");
    });

    it("junit: a suite per Runway rule, passing when it found nothing", async () => {
        const result = await plan(["--program", SMOKE, "--stage", "hero", "--format", "junit"], {});
        const suites = findAll(parseXml(result.stdout), "testsuite").map((s) => s.attributes.name);
        for (const rule of rules) assert.ok(suites.includes(rule.name), `no suite for ${rule.name}`);
        assert.match(result.stdout, /<testcase name="db-high-availability: all resources pass"/);
    });

    it("another pack (no rules) lists its policies, with the metadata they carry", () => {
        const pack = loadPack({
            name: "acme",
            version: "1.0.0",
            policies: [{ name: "no-t2", description: "No t2 instances.", enforcementLevel: "mandatory", severity: "high", tags: ["cost"], validateResource: () => undefined }],
        });
        assert.deepStrictEqual(pack.policies, [{ name: "no-t2", description: "No t2 instances.", level: "mandatory", severity: "high", metadata: { tags: ["cost"] } }]);
    });
});
