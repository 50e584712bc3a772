/** Block and near-miss pass cases per policy family, on StackResource fixtures (inputs as the engine sends them). */
import { strict as assert } from "assert";
import { AWS_TYPE } from "../../model/aws-types";
import type { StackResource } from "../../model/resource";
import { albListenerHttps, cloudfrontHttpsOnly, ec2Imdsv2Required, ecrScanOnPush, iamNoAdminStar, rdsManagedCredentials, sgNoWorldAdminPorts, sgWorldIngressWebOnly } from "../../policies/rules/access";
import { asgScalingPolicy, ecsServiceAutoscaling } from "../../policies/rules/autoscaling";
import { customerManagedKeys, dataEncryptedInTransit, ebsEncryptedAtRest, storageEncryptedAtRest } from "../../policies/rules/encryption";
import { albAccessLogs, vpcFlowLogs } from "../../policies/rules/logging";
import { dbBackupRetention, dbHighAvailability, instanceSnapshots, servicesMultiAz, statefulResourcesProtected } from "../../policies/rules/resilience";
import { s3BucketEncryption, s3BucketPublicAccess, s3PublicAccessBlock } from "../../policies/rules/s3";
import { check, res, U, unknowns, violations } from "./helpers";

const enterprise = { tags: { "runway:stage": "enterprise" } };
const zero = { tags: { "runway:stage": "zero" } };

describe("unencrypted storage", () => {
    const bucket = res("aws:s3/bucket:Bucket", "logs", { bucket: "logs-bucket" });
    const sse = (bucketRef: unknown, deps: string[] = []) => res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "logs-sse", { bucket: bucketRef, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] }, { propertyDependencies: { bucket: deps } });

    it("blocks a bucket with no SSE configuration resource", () => assert.equal(violations(check(s3BucketEncryption, [bucket])).length, 1));
    it("passes a bucket whose SSE resource links by name", () => assert.equal(check(s3BucketEncryption, [bucket, sse("logs-bucket")]).length, 0));
    it("passes a bucket whose SSE resource links through propertyDependencies in preview", () => assert.equal(check(s3BucketEncryption, [bucket, sse(U, [bucket.urn])]).length, 0));
    it("passes the legacy V2 SSE type token too", () => {
        const legacy = { ...sse("logs-bucket"), type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2" };
        assert.equal(check(s3BucketEncryption, [bucket, legacy]).length, 0);
    });
    it("does not let one bucket's SSE resource cover a sibling bucket", () => {
        const sibling = res("aws:s3/bucketV2:BucketV2", "other", { bucket: "other-bucket" });
        const f = violations(check(s3BucketEncryption, [bucket, sibling, sse("logs-bucket")]));
        assert.deepEqual(f.map((x) => x.resource?.name), ["other"]);
    });
    it("reports not evaluated when an SSE resource's bucket is unknown and unlinked", () => assert.equal(unknowns(check(s3BucketEncryption, [bucket, sse(U)])).length, 1));
    it("blocks a public canned ACL and a missing public-access block", () => {
        const acl = res("aws:s3/bucketAcl:BucketAcl", "logs-acl", { bucket: "logs-bucket", acl: "public-read" });
        const f = violations(check(s3BucketPublicAccess, [bucket, acl]));
        assert.equal(f.length, 2);
    });
    it("passes a private bucket with a public-access block, and the account-level block", () => {
        const pab = res(AWS_TYPE.s3PublicAccessBlock, "logs-pab", { bucket: "logs-bucket", blockPublicAcls: true, blockPublicPolicy: "true", ignorePublicAcls: true, restrictPublicBuckets: true });
        assert.equal(check(s3BucketPublicAccess, [bucket, pab]).length, 0);
        assert.equal(check(s3PublicAccessBlock, [pab]).length, 0, "string \"true\" is a boolean");
        const account = res(AWS_TYPE.s3AccountPublicAccessBlock, "account", { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        assert.equal(check(s3BucketPublicAccess, [bucket, account]).length, 0);
    });
    it("blocks a public-access block with a flag off, and remediates it", () => {
        const pab = res(AWS_TYPE.s3PublicAccessBlock, "pab", { bucket: "b", blockPublicAcls: true, blockPublicPolicy: false });
        assert.equal(violations(check(s3PublicAccessBlock, [pab])).length, 1);
        assert.deepEqual(s3PublicAccessBlock.remediate?.(pab.props, pab), { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    });
    it("reads AWS defaults: Redshift encrypted defaults true (string-typed), SQS SSE defaults on, RDS storage defaults off", () => {
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.redshiftCluster, "wh", {})]).length, 0);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.redshiftCluster, "wh", { encrypted: "false" })])).length, 1);
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.sqsQueue, "q", {})]).length, 0);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.sqsQueue, "q", { sqsManagedSseEnabled: "false" })])).length, 1);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.rdsInstance, "db", {})])).length, 1);
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.rdsInstance, "db", { storageEncrypted: "true" })]).length, 0);
    });
    it("remediates an SQS queue that turned SSE off", () => {
        const q = res(AWS_TYPE.sqsQueue, "q", { sqsManagedSseEnabled: false });
        assert.deepEqual(storageEncryptedAtRest.remediate?.(q.props, q), { sqsManagedSseEnabled: true });
    });
    it("follows the engine default per ElastiCache engine (valkey encrypts at rest by default, redis does not)", () => {
        assert.equal(check(storageEncryptedAtRest, [res(AWS_TYPE.cacheReplicationGroup, "c", { engine: "valkey" })]).length, 0);
        assert.equal(violations(check(storageEncryptedAtRest, [res(AWS_TYPE.cacheReplicationGroup, "c", { engine: "redis" })])).length, 1);
    });
    it("checks instance root/EBS devices and launch template mappings", () => {
        assert.equal(violations(check(ebsEncryptedAtRest, [res(AWS_TYPE.instance, "i", { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf" }] })])).length, 1);
        assert.equal(check(ebsEncryptedAtRest, [res(AWS_TYPE.launchTemplate, "lt", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] })]).length, 0);
        assert.equal(violations(check(ebsEncryptedAtRest, [res(AWS_TYPE.launchConfiguration, "lc", { rootBlockDevice: { encrypted: false } })])).length, 1);
    });
    describe("EBS encryption by default declared in the same program", () => {
        const byDefault = (props: Record<string, unknown> = { enabled: true }, extra = {}) => res(AWS_TYPE.ebsEncryptionByDefault, "ebs-default", props, extra);
        const bare = res(AWS_TYPE.instance, "web", { ami: "ami-1", instanceType: "t3.micro" });
        const volume = res(AWS_TYPE.ebsVolume, "data", { size: 20 });
        it("blocks an instance with no rootBlockDevice and a bare volume when nothing turns encryption on", () => {
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, volume])).length, 2);
        });
        it("passes them when the stack declares aws.ebs.EncryptionByDefault (enabled defaults to true)", () => {
            assert.equal(check(ebsEncryptedAtRest, [bare, volume, byDefault()]).length, 0);
            assert.equal(check(ebsEncryptedAtRest, [bare, volume, byDefault({})]).length, 0);
        });
        it("still blocks when the setting is disabled, or set in another region than the resource's", () => {
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, byDefault({ enabled: false })])).length, 1);
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, byDefault({ enabled: true }, { providerProps: { region: "eu-west-1" } })])).length, 1);
            assert.equal(violations(check(ebsEncryptedAtRest, [bare, byDefault({ enabled: true, region: "eu-west-1" })])).length, 1, "a per-resource region (provider 7) counts too");
            assert.equal(check(ebsEncryptedAtRest, [{ ...bare, props: { ...bare.props, region: "eu-west-1" } }, byDefault({ enabled: true, region: "eu-west-1" })]).length, 0);
        });
        it("says not evaluated (not blocked) when the setting's enabled is unknown in preview", () => {
            const f = check(ebsEncryptedAtRest, [bare, byDefault({ enabled: U })]);
            assert.equal(violations(f).length, 0);
            assert.equal(unknowns(f).length, 1);
        });
    });
    it("requires ElastiCache in-transit encryption and honours MemoryDB's TLS default", () => {
        assert.equal(violations(check(dataEncryptedInTransit, [res(AWS_TYPE.cacheReplicationGroup, "c", {})])).length, 1);
        assert.equal(check(dataEncryptedInTransit, [res(AWS_TYPE.memorydbCluster, "m", {})]).length, 0);
    });
    it("requires customer-managed keys only in the enterprise profile", () => {
        assert.equal(violations(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", enterprise)])).length, 1);
        assert.equal(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", zero)]).length, 0);
        assert.equal(check(customerManagedKeys, [res(AWS_TYPE.secret, "s", { ...enterprise, kmsKeyId: "arn:aws:kms:k" })]).length, 0);
    });
    it("names the profile that applies: enterprise when something says so, strict for a program that names no stage", () => {
        assert.match(violations(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", enterprise)]))[0].message, /the enterprise profile requires/);
        assert.match(violations(check(customerManagedKeys, [res(AWS_TYPE.logGroup, "lg", {})]))[0].message, /the strict profile \(enterprise rules, for a program that names no stage\) requires/);
    });
});

describe("missing autoscaling", () => {
    const cluster = res(AWS_TYPE.ecsCluster, "cluster", { name: "apps", arn: "arn:aws:ecs:us-east-1:1:cluster/apps" });
    const service = res(AWS_TYPE.ecsService, "web", { name: "web", cluster: "arn:aws:ecs:us-east-1:1:cluster/apps" });
    const target = (resourceId: unknown, deps: string[] = [], extra: Record<string, unknown> = {}) => res(AWS_TYPE.scalingTarget, "web-target", { resourceId, serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", minCapacity: 2, maxCapacity: 10, ...extra }, { propertyDependencies: { resourceId: deps } });
    const policy = (deps: string[], resourceId: unknown = U) => res(AWS_TYPE.scalingPolicy, "web-cpu", { policyType: "TargetTrackingScaling", resourceId }, { propertyDependencies: { resourceId: deps } });

    it("blocks a service with no scaling target", () => assert.equal(violations(check(ecsServiceAutoscaling, [cluster, service])).length, 1));
    it("passes a service linked by its known resource id", () => {
        const t = target("service/apps/web");
        assert.equal(check(ecsServiceAutoscaling, [cluster, service, t, policy([], "service/apps/web")]).length, 0);
    });
    it("passes a service linked through propertyDependencies in preview", () => {
        const t = target(U, [cluster.urn, service.urn]);
        assert.equal(check(ecsServiceAutoscaling, [cluster, service, t, policy([t.urn])]).length, 0);
    });
    it("blocks a target without a policy, and a target that cannot scale (max <= min)", () => {
        assert.equal(violations(check(ecsServiceAutoscaling, [cluster, service, target("service/apps/web")])).length, 1);
        const stuck = target("service/apps/web", [], { minCapacity: 2, maxCapacity: "2" });
        assert.equal(violations(check(ecsServiceAutoscaling, [cluster, service, stuck, policy([stuck.urn])])).length, 1);
    });
    it("does not link a target of another service (no leak to a sibling)", () => {
        const other = res(AWS_TYPE.ecsService, "api", { name: "api", cluster: "apps" });
        const f = violations(check(ecsServiceAutoscaling, [cluster, service, other, target("service/apps/web"), policy([], "service/apps/web")]));
        assert.deepEqual(f.map((x) => x.resource?.name), ["api"]);
    });
    it("accepts an ASG policy linked by name, and the zero-stage opt-out only in zero with desired == max", () => {
        const asg = res(AWS_TYPE.asg, "workers", { name: "workers", maxSize: 1, desiredCapacity: 1, tags: [{ key: "runway:autoscaling-opt-out", value: "single box", propagateAtLaunch: false }] });
        assert.equal(violations(check(asgScalingPolicy, [asg])).length, 1, "no stage evidence → enterprise → opt-out ignored");
        assert.equal(check(asgScalingPolicy, [asg], { stage: "zero" }).length, 0);
        assert.equal(check(asgScalingPolicy, [asg, res(AWS_TYPE.asgPolicy, "p", { autoscalingGroupName: "workers" })]).length, 0);
    });
});

describe("access", () => {
    it("blocks SSH, RDP and all-ports from the world, inline or as separate rules", () => {
        assert.equal(violations(check(sgNoWorldAdminPorts, [res(AWS_TYPE.securityGroup, "sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] })])).length, 1);
        assert.equal(violations(check(sgNoWorldAdminPorts, [res(AWS_TYPE.sgIngressRule, "r", { ipProtocol: "-1", cidrIpv6: "::/0" })])).length, 1);
        assert.equal(violations(check(sgNoWorldAdminPorts, [res(AWS_TYPE.sgRule, "r", { type: "ingress", protocol: "tcp", fromPort: 3000, toPort: 4000, cidrBlocks: ["0.0.0.0/0"] })])).length, 1);
    });
    it("passes SSH from another security group and egress rules", () => {
        assert.equal(check(sgNoWorldAdminPorts, [res(AWS_TYPE.securityGroup, "sg", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, securityGroups: ["sg-1"] }] })]).length, 0);
        assert.equal(check(sgNoWorldAdminPorts, [res(AWS_TYPE.sgRule, "r", { type: "egress", protocol: "-1", cidrBlocks: ["0.0.0.0/0"] })]).length, 0);
    });
    it("passes 443 from the world on a load balancer's security group, blocks it elsewhere", () => {
        const lbSg = res(AWS_TYPE.securityGroup, "lb", { id: "sg-lb", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] });
        const lb = res("aws:alb/loadBalancer:LoadBalancer", "alb", { securityGroups: ["sg-lb"] });
        assert.equal(check(sgWorldIngressWebOnly, [lbSg, lb]).length, 0);
        assert.equal(violations(check(sgWorldIngressWebOnly, [lbSg])).length, 1);
        const app = res(AWS_TYPE.securityGroup, "app", { ingress: [{ protocol: "tcp", fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }] });
        assert.equal(violations(check(sgWorldIngressWebOnly, [app])).length, 1);
    });
    it("requires IMDSv2 (unset means AWS default optional) and remediates it", () => {
        const i = res(AWS_TYPE.instance, "web", {});
        assert.equal(violations(check(ec2Imdsv2Required, [i])).length, 1);
        assert.equal(check(ec2Imdsv2Required, [res(AWS_TYPE.launchTemplate, "lt", { metadataOptions: { httpTokens: "required" } })]).length, 0);
        assert.equal(check(ec2Imdsv2Required, [res(AWS_TYPE.instance, "off", { metadataOptions: { httpEndpoint: "disabled" } })]).length, 0);
        assert.deepEqual(ec2Imdsv2Required.remediate?.({ metadataOptions: { httpPutResponseHopLimit: 2 } }, i), { metadataOptions: { httpPutResponseHopLimit: 2, httpTokens: "required" } });
        assert.equal(unknowns(check(ec2Imdsv2Required, [res(AWS_TYPE.instance, "u", { metadataOptions: U })])).length, 1);
    });
    it("blocks \"*\" on \"*\" in JSON strings and objects, passes scoped statements", () => {
        const admin = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
        assert.equal(violations(check(iamNoAdminStar, [res(AWS_TYPE.iamPolicy, "p", { policy: admin })])).length, 1);
        assert.equal(violations(check(iamNoAdminStar, [res(AWS_TYPE.iamRole, "r", { inlinePolicies: [{ name: "x", policy: { Statement: { Effect: "Allow", Action: ["*"], Resource: ["*"] } } }] })])).length, 1);
        assert.equal(check(iamNoAdminStar, [res(AWS_TYPE.iamRolePolicy, "p", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }, { Effect: "Deny", Action: "*", Resource: "*" }] }) })]).length, 0);
    });
    it("wants managed RDS credentials or IAM auth, and skips read replicas", () => {
        assert.equal(violations(check(rdsManagedCredentials, [res(AWS_TYPE.rdsInstance, "db", { password: "x" })])).length, 1);
        assert.equal(check(rdsManagedCredentials, [res(AWS_TYPE.rdsInstance, "db", { iamDatabaseAuthenticationEnabled: "true" })]).length, 0);
        assert.equal(check(rdsManagedCredentials, [res(AWS_TYPE.rdsInstance, "replica", { replicateSourceDb: "db" })]).length, 0);
    });
    it("allows HTTP listeners only as HTTPS redirects (aws:alb and aws:lb tokens), ignores NLB TCP", () => {
        assert.equal(violations(check(albListenerHttps, [res("aws:alb/listener:Listener", "http", { port: 80, defaultActions: [{ type: "forward" }] })])).length, 1);
        assert.equal(check(albListenerHttps, [res("aws:lb/listener:Listener", "http", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS" } }] })]).length, 0);
        assert.equal(check(albListenerHttps, [res("aws:lb/listener:Listener", "tcp", { protocol: "TCP" })]).length, 0);
    });
    it("blocks allow-all viewer policies in ordered CloudFront behaviours", () => {
        const d = res(AWS_TYPE.cloudfront, "cdn", { defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }] });
        assert.equal(violations(check(cloudfrontHttpsOnly, [d])).length, 1);
    });
    it("wants ECR scan on push unless the registry scans everything", () => {
        const repo = res(AWS_TYPE.ecrRepository, "app", {});
        assert.equal(violations(check(ecrScanOnPush, [repo])).length, 1);
        assert.equal(check(ecrScanOnPush, [repo, res(AWS_TYPE.ecrRegistryScanning, "reg", { scanType: "ENHANCED" })]).length, 0);
    });
});

describe("resilience and logging by stage", () => {
    it("requires multi-AZ in enterprise, skips zero", () => {
        assert.equal(violations(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", enterprise)])).length, 1);
        assert.equal(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", zero)]).length, 0);
        assert.equal(check(dbHighAvailability, [res(AWS_TYPE.rdsInstance, "db", { ...enterprise, multiAz: "true" })]).length, 0);
    });
    it("counts Aurora instances linked through propertyDependencies", () => {
        const cluster = res(AWS_TYPE.rdsCluster, "aurora", { ...enterprise, engine: "aurora-postgresql" });
        const inst = (n: string) => res(AWS_TYPE.rdsClusterInstance, n, { clusterIdentifier: U }, { propertyDependencies: { clusterIdentifier: [cluster.urn] } });
        assert.equal(violations(check(dbHighAvailability, [cluster, inst("a")])).length, 1);
        assert.equal(check(dbHighAvailability, [cluster, inst("a"), inst("b")]).length, 0);
    });
    it("uses the configurable minimum retention and AWS's defaults", () => {
        assert.equal(violations(check(dbBackupRetention, [res(AWS_TYPE.rdsInstance, "db", { backupRetentionPeriod: 3 })])).length, 1);
        assert.equal(check(dbBackupRetention, [res(AWS_TYPE.rdsInstance, "db", { backupRetentionPeriod: 3 })], { minRetentionDays: 3 }).length, 0);
    });
    it("sees protect in the resource options", () => {
        assert.equal(violations(check(statefulResourcesProtected, [res(AWS_TYPE.dynamoTable, "t")])).length, 1);
        assert.equal(check(statefulResourcesProtected, [res(AWS_TYPE.dynamoTable, "t", {}, { protect: true })]).length, 0);
    });
    it("needs subnets in two AZs for services in enterprise", () => {
        const a = res(AWS_TYPE.subnet, "a", { id: "subnet-a", availabilityZone: "us-east-1a" });
        const b = res(AWS_TYPE.subnet, "b", { id: "subnet-b", availabilityZone: "us-east-1b" });
        const svc = (subnets: string[]) => res(AWS_TYPE.ecsService, "web", { ...enterprise, networkConfiguration: { subnets } });
        assert.equal(violations(check(servicesMultiAz, [a, b, svc(["subnet-a"])])).length, 1);
        assert.equal(check(servicesMultiAz, [a, b, svc(["subnet-a", "subnet-b"])]).length, 0);
    });
    it("in zero, requires snapshots for a single instance: DLM by tags or AWS Backup", () => {
        const box = res(AWS_TYPE.instance, "box", { tags: { "runway:stage": "zero", Snapshot: "daily" } });
        assert.equal(violations(check(instanceSnapshots, [box])).length, 1);
        assert.equal(check(instanceSnapshots, [box, res(AWS_TYPE.dlmPolicy, "daily", { policyDetails: { targetTags: { Snapshot: "daily" } } })]).length, 0);
        const rootTagged = res(AWS_TYPE.instance, "box2", { tags: { "runway:stage": "zero" }, rootBlockDevice: { encrypted: true, tags: { Backup: "daily" } } });
        assert.equal(check(instanceSnapshots, [rootTagged, res(AWS_TYPE.dlmPolicy, "daily", { policyDetails: { resourceTypes: ["VOLUME"], targetTags: { Backup: "daily" } } })]).length, 0, "root volume tags count");
        assert.equal(violations(check(instanceSnapshots, [rootTagged, res(AWS_TYPE.dlmPolicy, "other", { policyDetails: { targetTags: { Backup: "weekly" } } })])).length, 1);
        assert.equal(check(instanceSnapshots, [box, res(AWS_TYPE.backupSelection, "sel", { resources: [U] }, { propertyDependencies: { resources: [box.urn] } })]).length, 0);
    });
    it("snapshots: every target tag must match; disabled policies, '*' and tag selections, unknowns in preview", () => {
        const box = res(AWS_TYPE.instance, "box", { tags: { "runway:stage": "zero", Snapshot: "daily", Team: "web" } });
        const dlm = (targetTags: unknown, extra: Record<string, unknown> = {}) => res(AWS_TYPE.dlmPolicy, "dlm", { policyDetails: { targetTags }, ...extra });
        const covered = (...others: StackResource[]) => violations(check(instanceSnapshots, [box, ...others])).length === 0;
        assert.ok(covered(dlm({ Team: "web", Snapshot: "daily" })), "every target tag matches, whichever comes first");
        assert.ok(!covered(dlm({ Snapshot: "daily", Team: "api" })), "one target tag differs");
        assert.ok(!covered(dlm({ Snapshot: "daily" }, { state: "DISABLED" })), "a disabled policy");
        assert.ok(!covered(dlm({})), "a policy that targets nothing");
        assert.ok(!covered(dlm({ Snapshot: 7 })), "a tag value that is not a string matches nothing");
        assert.ok(covered(dlm(U)), "target tags unknown in preview: cannot be disproved");
        assert.ok(covered(dlm({ Snapshot: U })), "a value unknown in preview, on a tag the instance carries");
        assert.ok(!covered(dlm({ Owner: U })), "a value unknown in preview, on a tag the instance lacks");
        const selection = (props: Record<string, unknown>) => res(AWS_TYPE.backupSelection, "sel", props);
        assert.ok(covered(selection({ resources: ["*"] })), "a selection of every resource");
        assert.ok(covered(selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Team", value: "web" }] })), "a selection by a tag the instance carries");
        assert.ok(!covered(selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Team", value: "api" }] })), "a selection by another value");
        assert.ok(!covered(selection({ selectionTags: [{ type: "STRINGEQUALS", key: "Owner" }] })), "a selection tag with no value");
    });
    it("counts each cluster's own instances; an instance of unknown cluster leaves the others open", () => {
        const cluster = (n: string) => res(AWS_TYPE.rdsCluster, n, { ...enterprise, engine: "aurora-postgresql", clusterIdentifier: n });
        const [a, b] = [cluster("a"), cluster("b")];
        const inst = (n: string, clusterIdentifier: unknown, deps: string[] = []) => res(AWS_TYPE.rdsClusterInstance, n, { clusterIdentifier }, { propertyDependencies: { clusterIdentifier: deps } });
        const found = check(dbHighAvailability, [a, b, inst("a1", "a"), inst("a2", "a"), inst("b1", "b")]);
        assert.deepEqual(violations(found).map((f) => f.resource?.name), ["b"]);
        const open = check(dbHighAvailability, [a, b, inst("a1", "a"), inst("a2", "a"), inst("b1", "b"), inst("x", U)]);
        assert.deepEqual(violations(open).map((f) => f.resource?.name), []);
        assert.deepEqual(unknowns(open).map((f) => f.resource?.name), ["b"], "a has its two; b's count is open");
        // Partly known: names b, and its unknown part may name another cluster (a), not b a second time.
        const partly = check(dbHighAvailability, [a, b, inst("a1", "a"), inst("x", ["b", U])]);
        assert.deepEqual(violations(partly).map((f) => f.resource?.name), ["b"]);
        assert.deepEqual(unknowns(partly).map((f) => f.resource?.name), ["a"]);
    });
    it("requires flow logs and ALB access logs in enterprise only", () => {
        const vpc = res(AWS_TYPE.vpc, "main", enterprise);
        assert.equal(violations(check(vpcFlowLogs, [vpc])).length, 1);
        assert.equal(check(vpcFlowLogs, [vpc, res(AWS_TYPE.flowLog, "fl", { vpcId: U }, { propertyDependencies: { vpcId: [vpc.urn] } })]).length, 0);
        assert.equal(check(vpcFlowLogs, [res(AWS_TYPE.vpc, "main", zero)]).length, 0);
        assert.equal(violations(check(albAccessLogs, [res("aws:lb/loadBalancer:LoadBalancer", "alb", { ...enterprise, accessLogs: { bucket: "logs" } })])).length, 1, "enabled defaults to false even with a bucket");
    });
});
