/**
 * The pack never throws: random, missing, unknown, secret-wrapped and wrongly typed properties, dangling
 * dependencies, and a property bag that throws on access. Driven directly through the policies, in list order,
 * the way @pulumi/policy's server calls them (resource phase per resource, then the stack phase).
 */
import { strict as assert } from "assert";
import fc from "fast-check";
import type { PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { AWS_TYPE } from "../../model/aws-types";
import { decodeDiagnostic } from "../../model/finding-format";
import { SECRET_SIG, SIG_KEY, UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "../../model/wire";
import { policies } from "../../policies/pack";

interface Reported { policy: string; message: string; urn?: string }

const TYPES: string[] = [...Object.values(AWS_TYPE), "aws:s3/bucket:Bucket", "aws:lb/listener:Listener", "aws:alb/loadBalancer:LoadBalancer", "pulumi:pulumi:Stack", "custom:weird:Thing"];
const PROPS = ["publiclyAccessible", "dbSubnetGroupName", "subnetIds", "vpcSecurityGroupIds", "ingress", "routes", "tags", "metadataOptions", "policy", "bucket", "resourceId", "storageEncrypted", "encrypted", "subnetId", "routeTableId", "gatewayId", "vpcId", "inlinePolicies", "defaultActions", "protocol", "networkConfiguration", "clusterIdentifier"];

const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(UNKNOWN_STRING), fc.constant(UNKNOWN_BOOLEAN), fc.constant("0.0.0.0/0"), fc.constant("true"), fc.constant("*"));
const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...PROPS, "cidrBlocks", "gatewayId", "httpTokens", "Statement", "key", "value"), tie("v"), { maxKeys: 3 }), tie("v").map((inner) => ({ [SIG_KEY]: SECRET_SIG, value: inner }))),
})).v;
const resource = fc.record({ type: fc.constantFrom(...TYPES), name: fc.constantFrom("a", "b", "c", "db", "web"), props: fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 6 }), deps: fc.array(fc.constantFrom("a", "b", "zz-dangling"), { maxLength: 3 }) });

async function drive(input: { type: string; name: string; props: Record<string, unknown>; deps: string[] }[], config: Record<string, unknown> = {}): Promise<Reported[]> {
    const out: Reported[] = [];
    const urnOf = (name: string, type: string) => `urn:pulumi:dev::fx::${type}::${name}`;
    const resources: PolicyResource[] = input.map((r) => ({
        type: r.type, name: r.name, urn: urnOf(r.name, r.type), props: r.props,
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
    }));
    resources.forEach((r, i) => {
        for (const d of input[i].deps) {
            const target = resources.find((x) => x.name === d);
            if (target) r.propertyDependencies[PROPS[i % PROPS.length]] = [target];
        }
    });
    const run = (validate: () => unknown) => Promise.resolve(validate());
    for (const r of resources) {
        for (const p of policies) {
            const rp = p as ResourceValidationPolicy;
            if (typeof rp.validateResource !== "function") continue;
            const report: ReportViolation = (message, urn) => out.push({ policy: p.name, message, urn: urn ?? r.urn });
            const args = { type: r.type, props: r.props, urn: r.urn, name: r.name, opts: r.opts, stackTags: new Map(), getConfig: () => (config[p.name] ?? {}) as never, isType: () => false, asType: () => undefined, notApplicable: () => { throw new Error("n/a"); } } as unknown as ResourceValidationArgs;
            await run(() => rp.validateResource && !Array.isArray(rp.validateResource) ? rp.validateResource(args, report) : undefined);
        }
    }
    for (const p of policies) {
        const sp = p as StackValidationPolicy;
        if (typeof sp.validateStack !== "function") continue;
        const report: ReportViolation = (message, urn) => out.push({ policy: p.name, message, urn });
        const args = { resources, stackTags: new Map(), getConfig: () => (config[p.name] ?? {}) as never, notApplicable: () => { throw new Error("n/a"); } } as unknown as StackValidationArgs;
        await run(() => sp.validateStack(args, report));
    }
    return out;
}

describe("the pack never throws", () => {
    it("survives 1,000 random stacks of wrongly typed, unknown and secret-wrapped properties", async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(resource, { maxLength: 8 }), async (stack) => {
                const reported = await drive(stack);
                for (const m of reported) {
                    assert.ok(!/internal error/.test(m.message), m.message);
                    assert.doesNotThrow(() => decodeDiagnostic({ policyName: m.policy, message: m.message, enforcementLevel: "advisory" }));
                }
            }),
            { numRuns: 1000 },
        );
    });

    it("turns an internal error into one advisory message naming the policy", async () => {
        const exploding = new Proxy({}, { get() { throw new Error("boom"); }, ownKeys() { throw new Error("boom"); } });
        const reported = await drive([{ type: AWS_TYPE.instance, name: "x", props: exploding as Record<string, unknown>, deps: [] }]);
        const errors = reported.filter((m) => /internal error in policy ec2-imdsv2-required/.test(m.message));
        assert.equal(errors.length, 1);
        assert.equal(errors[0].policy, "runway-advisory");
        assert.equal(decodeDiagnostic({ policyName: errors[0].policy, message: errors[0].message, enforcementLevel: "advisory" }).policy, "ec2-imdsv2-required");
    });

    it("reports bad pack-wide settings instead of failing", async () => {
        const reported = await drive([{ type: AWS_TYPE.vpc, name: "v", props: {}, deps: [] }], { "runway-settings": { stage: "prod", waivers: "nope", now: "yesterday" } });
        const problems = reported.filter((m) => m.policy === "runway-settings").map((m) => m.message).join("\n");
        assert.match(problems, /"stage" is "prod"/);
        assert.match(problems, /"waivers" must be a list/);
        assert.match(problems, /"now" is "yesterday"/);
    });
});
