import { strict as assert } from "assert";
import type { ProgramRun } from "../../harness";
import { input, named, ofType, single, STAGE_RUNS } from "./helpers";

describe("stage zero", () => {
    let run: ProgramRun;
    before(async () => {
        run = await STAGE_RUNS.zero();
    });

    it("declares one Graviton instance and nothing of hero's platform", () => {
        const instance = single(run, "aws:ec2/instance:Instance");
        assert.match(String(input(instance, "instanceType")), /^t4g\./);
        for (const absent of ["aws:lb/loadBalancer:LoadBalancer", "aws:ecs/cluster:Cluster", "aws:ec2/natGateway:NatGateway", "aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup"]) {
            assert.equal(ofType(run, absent).length, 0, `zero must not declare ${absent}`);
        }
    });

    it("requires IMDSv2 and encrypts the root volume", () => {
        const instance = single(run, "aws:ec2/instance:Instance");
        assert.equal(input(instance, "metadataOptions.httpTokens"), "required");
        assert.equal(input(instance, "rootBlockDevice.encrypted"), true);
    });

    it("opens only ports 80 and 443, never 22", () => {
        const ports = ofType(run, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => input(r, "fromPort"));
        assert.deepEqual([...ports].sort(), [443, 80].sort());
        assert.equal(ofType(run, "aws:ec2/securityGroup:SecurityGroup").some((sg) => Array.isArray(input(sg, "ingress")) && (input(sg, "ingress") as unknown[]).length > 0), false);
    });

    it("gives shell access through SSM Session Manager via the instance profile", () => {
        const attachments = ofType(run, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").map((a) => input(a, "policyArn"));
        assert.ok(attachments.includes("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
        assert.equal(ofType(run, "aws:iam/instanceProfile:InstanceProfile").length, 1);
        assert.equal(input(single(run, "aws:ec2/instance:Instance"), "keyName"), undefined);
    });

    it("fixes the address with an Elastic IP on the instance", () => {
        const eip = named(run, "server-eip");
        assert.equal(input(eip, "instance"), single(run, "aws:ec2/instance:Instance").id);
    });

    it("installs Caddy through user data", () => {
        assert.match(String(input(single(run, "aws:ec2/instance:Instance"), "userData")), /caddy run --config \/etc\/caddy\/Caddyfile/);
    });

    it("snapshots the root volume daily and keeps 7 snapshots", () => {
        const policy = single(run, "aws:dlm/lifecyclePolicy:LifecyclePolicy");
        assert.equal(input(policy, "policyDetails.schedules.0.createRule.interval"), 24);
        assert.equal(input(policy, "policyDetails.schedules.0.retainRule.count"), 7);
        const instance = single(run, "aws:ec2/instance:Instance");
        assert.deepEqual(input(instance, "rootBlockDevice.tags"), input(policy, "policyDetails.targetTags"));
    });

    it("keeps uploads in an encrypted, versioned, private bucket", () => {
        assert.equal(input(single(run, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration"), "rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"), "AES256");
        const pab = single(run, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.equal(input(pab, flag), true, flag);
        assert.equal(input(single(run, "aws:s3/bucketVersioning:BucketVersioning"), "versioningConfiguration.status"), "Enabled");
    });

    it("alarms on status checks and CPU to an SNS topic with an email subscription, under a budget", () => {
        const metrics = ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => input(a, "metricName"));
        assert.deepEqual(metrics.sort(), ["CPUUtilization", "StatusCheckFailed"]);
        assert.equal(input(single(run, "aws:sns/topicSubscription:TopicSubscription"), "protocol"), "email");
        assert.equal(input(single(run, "aws:sns/topic:Topic"), "kmsMasterKeyId"), named(run, "alerts-kms-key").outputs.arn, "the alert topic is encrypted with its own key");
        assert.equal(input(single(run, "aws:budgets/budget:Budget"), "limitAmount"), "50.00");
    });

    it("routes its only subnet to the internet gateway, with no NAT", () => {
        assert.equal(ofType(run, "aws:ec2/subnet:Subnet").length, 1);
        const route = single(run, "aws:ec2/route:Route");
        assert.equal(input(route, "gatewayId"), single(run, "aws:ec2/internetGateway:InternetGateway").id);
    });
});
