/**
 * The metadata part of every rule spec: the rule's name, level, severity, framework controls (records of a framework
 * `policies/rules/frameworks.ts` names) and remediation steps, and — for a resource rule, a CrossGuard policy of its
 * own — the same metadata on that policy.
 */
import { strict as assert } from "assert";
import type { EnforcementLevel, PolicyComplianceFramework, Severity } from "@pulumi/policy";
import { policies, rules } from "../../../policies/pack";
import { frameworkLabel, type FrameworkControl, type Rule } from "../../../policies/lib/rule";
import { FRAMEWORKS } from "../../../policies/rules/frameworks";

export interface ExpectedMetadata {
    name: string;
    level: EnforcementLevel;
    severity: Severity;
    frameworks: readonly FrameworkControl[];
}

interface PolicyMetadata {
    enforcementLevel?: EnforcementLevel;
    severity?: Severity;
    remediationSteps?: string;
    tags?: string[];
    framework?: PolicyComplianceFramework;
}

export function declaresMetadata(rule: Rule, expected: ExpectedMetadata): void {
    it(`is ${expected.name}: ${expected.level}, ${expected.severity} severity, with its framework controls and remediation steps`, () => {
        assert.equal(rule.name, expected.name);
        assert.ok(rules.includes(rule), `${rule.name} is not in the pack`);
        assert.equal(rule.enforcementLevel, expected.level);
        assert.equal(rule.severity, expected.severity);
        assert.deepEqual(rule.frameworks, expected.frameworks);
        for (const control of rule.frameworks) {
            const framework = FRAMEWORKS.find((f) => f.name === control.name);
            assert.ok(framework, `${frameworkLabel(control)}: no such framework in policies/rules/frameworks.ts`);
            if (framework.versions.length > 0) assert.ok(control.version !== undefined && framework.versions.includes(control.version), `${frameworkLabel(control)}: a ${framework.name} control names one of its versions (${framework.versions.join(", ")})`);
            else assert.equal(control.version, undefined, `${frameworkLabel(control)}: ${framework.name} has no versions`);
            assert.match(control.control, /^\S+$/, `${frameworkLabel(control)}: one control id`);
        }
        assert.ok(rule.remediationSteps.length > 20, `${rule.name} says how to fix a violation`);
    });

    if (rule.kind === "resource") {
        it("carries the same metadata on its CrossGuard policy: level, severity, remediation, the first control as framework, every control as a tag", () => {
            const policy: PolicyMetadata | undefined = policies.find((p) => p.name === rule.name);
            assert.ok(policy, `no CrossGuard policy ${rule.name}`);
            assert.equal(policy.enforcementLevel, expected.level);
            assert.equal(policy.severity, expected.severity);
            assert.equal(policy.remediationSteps, rule.remediationSteps);
            const labels = expected.frameworks.map(frameworkLabel);
            assert.deepEqual(policy.tags, ["aws", rule.topic, ...labels]);
            const [first] = expected.frameworks;
            assert.deepEqual(policy.framework, first === undefined ? undefined : { name: first.name, version: first.version ?? "", reference: first.control, specification: labels.join(", ") });
        });
    }
}
