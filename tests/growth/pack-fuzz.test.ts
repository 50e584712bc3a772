import * as assert from "assert";
import * as fc from "fast-check";
import { evaluatePack, type PolicyDiagnostic } from "../../harness";
import type { DeclaredResource, ProgramRun } from "../../harness/types";
import { decodeDiagnostic } from "../../model/finding-format";
import { createPolicies } from "../../policies/lib/policy";
import { rules, runwayPack } from "../../policies/pack";
import { resource, programRun } from "./lib/runs";
import { UNKNOWNS, wireValue } from "./lib/wire-arbitraries";

/** Types some resource rule looks at, and types none does (stack rules see them only through the graph). */
const TARGETED = [...new Set(rules.flatMap((r) => (r.kind === "resource" ? [...r.types] : [])))];
const INERT = ["aws:cloudwatch/dashboard:Dashboard", "aws:budgets/budget:Budget", "random:index/randomPet:RandomPet", "aws:sns/topicSubscription:TopicSubscription", "aws:ecs/cluster:Cluster", "aws:route53/record:Record"].filter((t) => !TARGETED.includes(t));
const GRAPH_TYPES = ["aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/routeTable:RouteTable", "aws:ec2/route:Route", "aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/internetGateway:InternetGateway", "aws:ec2/securityGroup:SecurityGroup", "aws:rds/subnetGroup:SubnetGroup", "pulumi:pulumi:Stack", "runway:stage:Hero"];
const POLICY_NAMES = new Set(runwayPack.policies.map((p) => p.name));
/** What a finding may name: a CrossGuard policy or a rule (graph rules report through `runway-graph` / `runway-advisory`). */
const FINDING_NAMES = new Set([...POLICY_NAMES, ...rules.map((r) => r.name)]);
/** Properties the rules read (a resource with all of them unknown gives a rule nothing to stand on). */
const PROPERTY_POOL = [
    "storageEncrypted", "kmsKeyId", "publiclyAccessible", "dbSubnetGroupName", "vpcSecurityGroupIds", "securityGroupIds", "subnetIds", "subnetId", "engine", "multiAz", "deletionProtection", "backupRetentionPeriod",
    "manageMasterUserPassword", "password", "masterPassword", "atRestEncryptionEnabled", "transitEncryptionEnabled", "automaticFailoverEnabled", "multiAzEnabled", "numCacheClusters", "subnetGroupName", "ingress", "egress",
    "cidrBlocks", "ipv6CidrBlocks", "fromPort", "toPort", "protocol", "cidrIpv4", "cidrIpv6", "ipProtocol", "metadataOptions", "rootBlockDevice", "encrypted", "policy", "inlinePolicies", "assumeRolePolicy", "bucket", "acl",
    "serverSideEncryptionConfiguration", "rule", "rules", "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets", "kmsMasterKeyId", "sqsManagedSseEnabled", "retentionInDays", "imageScanningConfiguration",
    "defaultCacheBehavior", "orderedCacheBehaviors", "viewerCertificate", "port", "defaultActions", "sslPolicy", "certificateArn", "loadBalancerType", "accessLogs", "desiredCount", "launchType", "networkConfiguration",
    "tags", "vpcId", "cidrBlock", "routes", "gatewayId", "natGatewayId", "routeTableId", "destinationCidrBlock", "availabilityZone", "mapPublicIpOnLaunch", "associatePublicIpAddress", "enableKeyRotation", "performanceInsightsEnabled",
    "skipFinalSnapshot", "finalSnapshotIdentifier", "automatedSnapshotRetentionPeriod", "snapshotRetentionPeriod", "encryptionInfo", "kmsKeyArn", "serverSideEncryption", "pointInTimeRecovery", "encryptAtRest", "nodeToNodeEncryption", "domainEndpointOptions", "tlsEnabled", "encryptionType", "retentionPeriod", "clusterIdentifier", "instanceClass", "snapshotRetentionLimit", "maxSize", "minSize", "userData", "iamInstanceProfile", "isMultiRegionTrail", "enableLogFileValidation", "trafficType",
];

const NOW = "2025-06-01";

function stackOf(resources: DeclaredResource[], preview: boolean): ProgramRun {
    return programRun("fuzz", resources, preview);
}

/** A random stack: 1..6 resources of targeted, graph and inert types with random wire properties and dangling dependencies. */
const stackArb = fc
    .tuple(
        fc.array(
            fc.tuple(
                fc.constantFrom(...TARGETED, ...GRAPH_TYPES, ...INERT),
                fc.dictionary(fc.constantFrom(...PROPERTY_POOL), wireValue, { maxKeys: 8 }),
                fc.subarray(["urn:pulumi:test::runway::aws:ec2/vpc:Vpc::missing", "urn:pulumi:test::runway::aws:ec2/subnet:Subnet::s0", "not-a-urn"]),
                fc.constantFrom(...PROPERTY_POOL),
            ),
            { minLength: 1, maxLength: 6 },
        ),
        fc.boolean(),
    )
    .map(([specs, preview]) => {
        const resources = specs.map(([type, props, deps, depKey], i) => resource(type, `r${i}`, props, { propertyDependencies: { [depKey]: deps }, custom: !type.startsWith("runway:") && type !== "pulumi:pulumi:Stack" }));
        return stackOf(resources, preview);
    });

const configArb = fc.oneof(
    fc.constant({}),
    fc.record({ "runway-settings": fc.record({ stage: fc.constantFrom<unknown>("zero", "hero", "enterprise", "HERO", 7, null), strictUnknowns: fc.constantFrom<unknown>(true, false, "maybe"), now: fc.constant(NOW) }, { requiredKeys: ["now"] }) }),
);

/** Bad setting values are part of the fuzz: the CLI would refuse them, the pack must still cope (no validation). */
async function evaluate(run: ProgramRun, config: Record<string, unknown>): Promise<PolicyDiagnostic[]> {
    return evaluatePack(run, runwayPack, { config: config as never, validateConfig: false });
}

/**
 * Each diagnostic with its finding. A stack-wide finding names no resource; the engine (and so the harness) then
 * attributes its diagnostic to the stack, which these hand-made stacks do not declare: read that as no resource.
 */
function decoded(diagnostics: PolicyDiagnostic[]) {
    return diagnostics.map((d) => {
        const f = decodeDiagnostic(d);
        return { d, f: f.urn?.includes("::pulumi:pulumi:Stack::") ? { ...f, urn: undefined } : f };
    });
}

describe("policy pack fuzz (in-process evaluation, the analyzer's code path)", function () {
    this.timeout(120_000);
    const internalErrors = new Map<string, number>();

    it("never throws, and every diagnostic names a real policy and a resource of the stack (1,000 random stacks)", async () => {
        await fc.assert(
            fc.asyncProperty(stackArb, configArb, async (run, config) => {
                const diagnostics = await evaluate(run, config);
                const urns = new Set(run.resources.map((r) => r.urn));
                const typeOf = new Map(run.resources.map((r) => [r.urn, r.type]));
                const seenInternal = new Set<string>();
                for (const { d, f } of decoded(diagnostics)) {
                    assert.ok(POLICY_NAMES.has(d.policyName), `diagnostic from unknown policy ${d.policyName}`);
                    assert.ok(FINDING_NAMES.has(f.policy), `finding names unknown policy or rule ${f.policy}`);
                    if (f.urn !== undefined) assert.ok(urns.has(f.urn), `finding about ${f.urn}, which is not in the stack`);
                    if (/internal error in policy/.test(f.message)) {
                        assert.strictEqual(d.enforcementLevel, "advisory", "an internal error must be advisory");
                        assert.ok(f.message.includes(f.policy), "an internal error names its policy");
                        const key = `${f.policy} ${f.urn ?? "stack"}`;
                        assert.ok(!seenInternal.has(key), `more than one internal-error message for ${key}`);
                        seenInternal.add(key);
                        internalErrors.set(f.policy, (internalErrors.get(f.policy) ?? 0) + 1);
                    }
                    if (d.enforcementLevel === "mandatory" && f.status === "violation" && f.urn !== undefined) {
                        const rule = rules.find((r) => r.name === f.policy);
                        if (rule?.kind === "resource") {
                            assert.ok(rule.types.includes(typeOf.get(f.urn) ?? ""), `${f.policy} reported a mandatory violation on a ${typeOf.get(f.urn)}, a type it does not check`);
                        }
                    }
                }
            }),
            { numRuns: 1000, seed: 42 },
        );
    });

    it("on stacks of inert resource types: no finding about any resource in any profile, and no violation at all in the zero profile (300 stacks)", async () => {
        const inertStack = fc.array(fc.tuple(fc.constantFrom(...INERT), fc.dictionary(fc.constantFrom(...PROPERTY_POOL), wireValue, { maxKeys: 6 })), { minLength: 1, maxLength: 5 });
        await fc.assert(
            fc.asyncProperty(inertStack, fc.constantFrom("zero", "hero", "enterprise"), async (specs, stage) => {
                const run = stackOf(specs.map(([type, props], i) => resource(type, `inert${i}`, props)), false);
                const violations = decoded(await evaluate(run, { "runway-settings": { stage, now: NOW } })).filter(({ f }) => f.status === "violation");
                // Stack-wide "the stack has no CloudTrail" findings are justified by the profile, not by a resource.
                const unjustified = violations.filter(({ f }) => f.urn !== undefined || stage === "zero");
                assert.deepStrictEqual(unjustified.map(({ f }) => `${f.policy}: ${f.message}`), []);
            }),
            { numRuns: 300, seed: 5 },
        );
    });

    it("never turns an unknown (preview) value into a mandatory violation: every one it reports on an all-unknown resource is also reported with those properties absent", async () => {
        const config = { "runway-settings": { stage: "enterprise", now: NOW } };
        const mandatory = async (r: DeclaredResource) =>
            decoded(await evaluate(stackOf([r], true), config))
                .filter(({ d, f }) => d.enforcementLevel === "mandatory" && f.status === "violation" && f.urn === r.urn)
                .map(({ f }) => f.policy);
        for (const type of TARGETED) {
            // protect/retainOnDelete are known resource options; only property-based findings are in question.
            const absent = await mandatory(resource(type, "r", {}, { protect: true, retainOnDelete: true }));
            for (const unknown of UNKNOWNS) {
                const props = Object.fromEntries(PROPERTY_POOL.map((p) => [p, unknown]));
                const found = await mandatory(resource(type, "r", props, { protect: true, retainOnDelete: true }));
                const unjustified = found.filter((policy) => !absent.includes(policy));
                assert.deepStrictEqual(unjustified, [], `${type} with every property ${unknown}: mandatory violations that only unknown values produce`);
            }
        }
    });

    it("turns an internal error into one advisory message naming the policy", async () => {
        const victim = rules.find((r) => r.kind === "resource");
        assert.ok(victim && victim.kind === "resource");
        const broken = { ...victim, name: "fuzz-broken-rule", check: () => { throw new TypeError("boom: cannot read properties of undefined"); } };
        const pack = { name: "runway", version: "0.0.0", policies: createPolicies([broken]) };
        const run = stackOf([resource(victim.types[0], "victim", { tags: { a: "b" } })], false);
        const diagnostics = await evaluatePack(run, pack);
        const mine = decoded(diagnostics).filter(({ f }) => f.policy === "fuzz-broken-rule");
        assert.strictEqual(mine.length, 1, JSON.stringify(diagnostics, null, 1));
        assert.strictEqual(mine[0].d.enforcementLevel, "advisory");
        assert.match(mine[0].f.message, /internal error in policy fuzz-broken-rule.*boom/);
    });

    after(() => {
        if (internalErrors.size > 0) console.log(`    internal errors reported as advisory during the fuzz: ${JSON.stringify(Object.fromEntries(internalErrors))}`);
    });
});
