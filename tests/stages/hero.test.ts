import { strict as assert } from "assert";
import type { DeclaredResource, ProgramRun } from "../../harness";
import { isWireSecret } from "../../model/wire";
import { byId, input, json, named, ofType, single, STAGE_RUNS } from "./helpers";

const REQUIRED_TYPES = [
    "aws:ec2/vpc:Vpc",
    "aws:ec2/natGateway:NatGateway",
    "aws:lb/loadBalancer:LoadBalancer",
    "aws:lb/listener:Listener",
    "aws:acm/certificate:Certificate",
    "aws:wafv2/webAcl:WebAcl",
    "aws:wafv2/webAclAssociation:WebAclAssociation",
    "aws:ecr/repository:Repository",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy",
    "aws:ecs/cluster:Cluster",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:ecs/service:Service",
    "aws:appautoscaling/target:Target",
    "aws:appautoscaling/policy:Policy",
    "aws:sqs/queue:Queue",
    "aws:rds/instance:Instance",
    "aws:rds/subnetGroup:SubnetGroup",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/subnetGroup:SubnetGroup",
    "aws:cloudfront/distribution:Distribution",
    "aws:cloudfront/originAccessControl:OriginAccessControl",
    "aws:ssm/parameter:Parameter",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:budgets/budget:Budget",
];

describe("stage hero (dev stack)", () => {
    let run: ProgramRun;
    const service = (name: string): DeclaredResource => named(run, `${name}-service`);
    before(async () => {
        run = await STAGE_RUNS.hero();
    });

    it("declares every resource type of the hero architecture", () => {
        const missing = REQUIRED_TYPES.filter((type) => ofType(run, type).length === 0);
        assert.deepEqual(missing, []);
    });

    it("scales the web service on CPU 70 % between 2 and 10 tasks, cooldowns 300 s in / 60 s out", () => {
        const target = named(run, "web-scaling-target");
        assert.deepEqual([input(target, "minCapacity"), input(target, "maxCapacity")], [2, 10]);
        const policy = named(run, "web-cpu-scaling");
        assert.equal(input(policy, "policyType"), "TargetTrackingScaling");
        const cfg = "targetTrackingScalingPolicyConfiguration";
        assert.equal(input(policy, `${cfg}.predefinedMetricSpecification.predefinedMetricType`), "ECSServiceAverageCPUUtilization");
        assert.deepEqual([input(policy, `${cfg}.targetValue`), input(policy, `${cfg}.scaleInCooldown`), input(policy, `${cfg}.scaleOutCooldown`)], [70, 300, 60]);
    });

    it("builds the scaling resource id from the real cluster and service names", () => {
        const cluster = single(run, "aws:ecs/cluster:Cluster");
        assert.equal(input(named(run, "web-scaling-target"), "resourceId"), `service/${String(cluster.outputs.name)}/${String(service("web").outputs.name)}`);
    });

    it("scales the worker on queue backlog per task", () => {
        const policy = named(run, "worker-queue-scaling");
        const metrics = input(policy, "targetTrackingScalingPolicyConfiguration.customizedMetricSpecification.metrics") as { metricStat?: { metric: { metricName: string } } }[];
        assert.ok(metrics.some((m) => m.metricStat?.metric.metricName === "ApproximateNumberOfMessagesVisible"));
    });

    it("encrypts the job queue and dead-letters poison messages", () => {
        const queue = named(run, "jobs-queue");
        assert.equal(input(queue, "sqsManagedSseEnabled"), true);
        const redrive = json(queue, "redrivePolicy") as { deadLetterTargetArn: string; maxReceiveCount: number };
        assert.equal(redrive.deadLetterTargetArn, named(run, "jobs-dlq").outputs.arn);
        assert.equal(input(named(run, "jobs-dlq"), "sqsManagedSseEnabled"), true);
    });

    it("runs ARM64 Fargate tasks in private app subnets without public IPs", () => {
        for (const td of ofType(run, "aws:ecs/taskDefinition:TaskDefinition")) {
            assert.equal(input(td, "runtimePlatform.cpuArchitecture"), "ARM64");
            assert.deepEqual(input(td, "requiresCompatibilities"), ["FARGATE"]);
            assert.deepEqual([input(td, "cpu"), input(td, "memory")], ["256", "512"], "dev sizes tasks at 0.25 vCPU / 0.5 GB");
        }
        for (const svc of ofType(run, "aws:ecs/service:Service")) {
            assert.equal(input(svc, "networkConfiguration.assignPublicIp"), false);
            const subnets = input(svc, "networkConfiguration.subnets") as string[];
            for (const id of subnets) assert.equal(input(byId(run, id) as DeclaredResource, "tags.tier"), "app");
        }
    });

    it("keeps PostgreSQL private, encrypted, backed up, with an AWS-managed password and a named final snapshot", () => {
        const db = single(run, "aws:rds/instance:Instance");
        assert.equal(input(db, "storageEncrypted"), true);
        assert.equal(input(db, "publiclyAccessible"), false);
        assert.ok(Number(input(db, "backupRetentionPeriod")) >= 7);
        assert.equal(input(db, "manageMasterUserPassword"), true);
        assert.equal(input(db, "password"), undefined);
        assert.equal(input(db, "skipFinalSnapshot"), false);
        assert.ok(String(input(db, "finalSnapshotIdentifier")).length > 0);
        assert.equal(input(db, "copyTagsToSnapshot"), true);
        assert.equal(input(db, "instanceClass"), "db.t4g.micro");
        const group = single(run, "aws:rds/subnetGroup:SubnetGroup");
        for (const id of input(group, "subnetIds") as string[]) assert.equal(input(byId(run, id) as DeclaredResource, "tags.tier"), "data");
    });

    it("runs one Redis node with at-rest and in-transit encryption and a secret auth token", () => {
        const redis = single(run, "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.equal(input(redis, "numCacheClusters"), 1);
        assert.equal(input(redis, "atRestEncryptionEnabled"), true);
        assert.equal(input(redis, "transitEncryptionEnabled"), true);
        assert.ok(isWireSecret(redis.inputs.authToken), "authToken must be a secret");
        assert.equal(input(redis, "nodeType"), "cache.t4g.micro");
    });

    it("serves HTTPS with a certificate and uses HTTP only to redirect", () => {
        const listeners = ofType(run, "aws:lb/listener:Listener");
        const https = listeners.find((l) => input(l, "protocol") === "HTTPS") as DeclaredResource;
        assert.ok(String(input(https, "certificateArn")).startsWith("arn:aws:acm"));
        assert.match(String(input(https, "sslPolicy")), /TLS13/);
        const http = listeners.find((l) => input(l, "protocol") === "HTTP") as DeclaredResource;
        assert.equal(input(http, "defaultActions.0.type"), "redirect");
        assert.equal(input(http, "defaultActions.0.redirect.protocol"), "HTTPS");
    });

    it("protects the load balancer with AWS managed WAF rule groups", () => {
        const groups = (input(single(run, "aws:wafv2/webAcl:WebAcl"), "rules") as { statement: { managedRuleGroupStatement?: { name: string } } }[])
            .map((r) => r.statement.managedRuleGroupStatement?.name)
            .filter((n): n is string => n !== undefined);
        for (const g of ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesAmazonIpReputationList"]) assert.ok(groups.includes(g), g);
        assert.equal(input(single(run, "aws:wafv2/webAclAssociation:WebAclAssociation"), "resourceArn"), single(run, "aws:lb/loadBalancer:LoadBalancer").outputs.arn);
        assert.equal(input(single(run, "aws:wafv2/webAcl:WebAcl"), "scope"), "REGIONAL");
    });

    it("serves assets through CloudFront with origin access control, HTTPS only", () => {
        const dist = single(run, "aws:cloudfront/distribution:Distribution");
        assert.equal(input(dist, "defaultCacheBehavior.viewerProtocolPolicy"), "redirect-to-https");
        assert.equal(input(dist, "origins.0.originAccessControlId"), single(run, "aws:cloudfront/originAccessControl:OriginAccessControl").id);
        const policy = json(named(run, "cdn-bucket-policy"), "policy") as { Statement: { Principal?: { Service?: string }; Condition?: Record<string, Record<string, string>> }[] };
        const read = policy.Statement.find((s) => s.Principal?.Service === "cloudfront.amazonaws.com");
        assert.equal(read?.Condition?.StringEquals["AWS:SourceArn"], dist.outputs.arn);
    });

    it("scans images on push, keeps tags immutable and expires old images", () => {
        const repo = single(run, "aws:ecr/repository:Repository");
        assert.equal(input(repo, "imageTagMutability"), "IMMUTABLE");
        assert.equal(input(repo, "imageScanningConfiguration.scanOnPush"), true);
        assert.equal(input(repo, "encryptionConfigurations.0.encryptionType"), "AES256");
    });

    it("chains security groups ALB → app → database/Redis by group id", () => {
        const sg = (name: string) => named(run, `security-${name}`).id;
        const ingress = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        const into = (group: string) => ingress.filter((r) => input(r, "securityGroupId") === sg(group));
        assert.deepEqual(into("db").map((r) => input(r, "referencedSecurityGroupId")), [sg("app")]);
        assert.deepEqual(into("cache").map((r) => input(r, "referencedSecurityGroupId")), [sg("app")]);
        assert.deepEqual(into("app").map((r) => input(r, "referencedSecurityGroupId")), [sg("alb")]);
        assert.deepEqual(into("alb").map((r) => [input(r, "cidrIpv4"), input(r, "fromPort")]).sort(), [["0.0.0.0/0", 443], ["0.0.0.0/0", 80]]);
    });

    it("sets a retention on every log group", () => {
        for (const lg of ofType(run, "aws:cloudwatch/logGroup:LogGroup")) assert.equal(input(lg, "retentionInDays"), 14, lg.name);
    });

    it("never grants every action, nor any action on every resource except ECR login", () => {
        for (const rp of ofType(run, "aws:iam/rolePolicy:RolePolicy")) {
            const doc = json(rp, "policy") as { Statement: { Action: string | string[]; Resource: string | string[] }[] };
            for (const s of doc.Statement) {
                const actions = ([] as string[]).concat(s.Action);
                const resources = ([] as string[]).concat(s.Resource);
                assert.ok(!actions.includes("*"), `${rp.name}: Action *`);
                if (resources.includes("*")) assert.deepEqual(actions, ["ecr:GetAuthorizationToken"], `${rp.name}: ${actions.join(",")} on *`);
            }
        }
    });

    it("stores config in SSM Parameter Store, the Redis token as a SecureString", () => {
        const token = ofType(run, "aws:ssm/parameter:Parameter").find((p) => String(input(p, "name")).endsWith("/redis-auth-token")) as DeclaredResource;
        assert.equal(input(token, "type"), "SecureString");
        assert.ok(isWireSecret(token.inputs.value));
    });
});
