import { strict as assert } from "assert";
import type { DeclaredResource, ProgramRun } from "../../harness";
import { input, json, named, ofType, runStage, single, STAGE_RUNS } from "./helpers";

const STATEFUL_TYPES = [
    "aws:rds/cluster:Cluster",
    "aws:rds/clusterInstance:ClusterInstance",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:s3/bucket:Bucket",
    "aws:kms/key:Key",
    "aws:ecr/repository:Repository",
    "aws:secretsmanager/secret:Secret",
    "aws:backup/vault:Vault",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:sqs/queue:Queue",
];

describe("stage enterprise (prod stack)", () => {
    let run: ProgramRun;
    before(async () => {
        run = await STAGE_RUNS.enterprise();
    });

    it("runs Aurora Serverless v2 PostgreSQL with a writer and a reader, encrypted with a customer key", () => {
        const cluster = single(run, "aws:rds/cluster:Cluster");
        assert.equal(input(cluster, "engine"), "aurora-postgresql");
        assert.equal(input(cluster, "engineMode"), "provisioned");
        assert.deepEqual(input(cluster, "serverlessv2ScalingConfiguration"), { minCapacity: 0.5, maxCapacity: 16 });
        assert.equal(input(cluster, "storageEncrypted"), true);
        assert.equal(input(cluster, "kmsKeyId"), named(run, "data-key-key").outputs.arn);
        assert.equal(input(cluster, "deletionProtection"), true);
        assert.equal(input(cluster, "skipFinalSnapshot"), false);
        assert.ok(Number(input(cluster, "backupRetentionPeriod")) >= 7);
        assert.equal(input(cluster, "manageMasterUserPassword"), true);
        const instances = ofType(run, "aws:rds/clusterInstance:ClusterInstance");
        assert.deepEqual(instances.map((i) => i.name).sort(), ["database-reader-0", "database-writer"]);
        for (const i of instances) {
            assert.equal(input(i, "instanceClass"), "db.serverless");
            assert.equal(input(i, "performanceInsightsEnabled"), true);
        }
        assert.equal(ofType(run, "aws:rds/instance:Instance").length, 0);
    });

    it("replicates Redis across AZs with automatic failover", () => {
        const redis = single(run, "aws:elasticache/replicationGroup:ReplicationGroup");
        assert.ok(Number(input(redis, "numCacheClusters")) >= 2);
        assert.equal(input(redis, "automaticFailoverEnabled"), true);
        assert.equal(input(redis, "multiAzEnabled"), true);
    });

    it("rotates its customer-managed keys and lets CloudWatch Logs use the logs key", () => {
        const keys = ofType(run, "aws:kms/key:Key");
        assert.ok(keys.length >= 4);
        for (const key of keys) assert.equal(input(key, "enableKeyRotation"), true, key.name);
        assert.equal(ofType(run, "aws:kms/alias:Alias").length, keys.length);
        const policy = json(named(run, "logs-key-key"), "policy") as { Statement: { Principal?: { Service?: string } }[] };
        assert.ok(policy.Statement.some((s) => s.Principal?.Service === "logs.us-east-1.amazonaws.com"));
    });

    it("encrypts log groups, queues, the alert topic and secrets with customer keys", () => {
        for (const lg of ofType(run, "aws:cloudwatch/logGroup:LogGroup")) {
            assert.equal(input(lg, "kmsKeyId"), named(run, "logs-key-key").outputs.arn, lg.name);
            assert.equal(input(lg, "retentionInDays"), 365);
        }
        for (const q of ofType(run, "aws:sqs/queue:Queue")) assert.equal(input(q, "kmsMasterKeyId"), named(run, "queues-key-key").outputs.arn);
        // The alert topic has its own key in every stage (CloudWatch and Budgets cannot use alias/aws/sns).
        assert.equal(input(single(run, "aws:sns/topic:Topic"), "kmsMasterKeyId"), named(run, "alerts-kms-key").outputs.arn);
        assert.equal(input(single(run, "aws:secretsmanager/secret:Secret"), "kmsKeyId"), named(run, "data-key-key").outputs.arn);
    });

    it("spans 3 AZs with a NAT gateway in each", () => {
        assert.equal(ofType(run, "aws:ec2/natGateway:NatGateway").length, 3);
    });

    it("adds an S3 gateway endpoint and private-DNS interface endpoints", () => {
        const endpoints = ofType(run, "aws:ec2/vpcEndpoint:VpcEndpoint");
        const services = endpoints.map((e) => String(input(e, "serviceName")).replace("com.amazonaws.us-east-1.", "")).sort();
        assert.deepEqual(services, ["ecr.api", "ecr.dkr", "logs", "s3", "secretsmanager", "ssm"]);
        for (const e of endpoints.filter((x) => input(x, "vpcEndpointType") === "Interface")) assert.equal(input(e, "privateDnsEnabled"), true);
    });

    it("logs VPC flows, API calls (multi-region, validated, encrypted), and runs GuardDuty and Security Hub FSBP", () => {
        assert.equal(input(single(run, "aws:ec2/flowLog:FlowLog"), "trafficType"), "ALL");
        const trail = single(run, "aws:cloudtrail/trail:Trail");
        assert.equal(input(trail, "isMultiRegionTrail"), true);
        assert.equal(input(trail, "enableLogFileValidation"), true);
        assert.equal(input(trail, "kmsKeyId"), named(run, "logs-key-key").outputs.arn);
        assert.equal(input(named(run, "baseline-trail-logs-object-lock"), "rule.defaultRetention.mode"), "GOVERNANCE");
        assert.equal(input(single(run, "aws:guardduty/detector:Detector"), "enable"), true);
        assert.equal(input(single(run, "aws:securityhub/standardsSubscription:StandardsSubscription"), "standardsArn"), "arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0");
    });

    it("backs up the database and uploads daily with a copy to a vault in us-west-2", () => {
        const plan = single(run, "aws:backup/plan:Plan");
        const copyVault = named(run, "backup-copy-vault");
        assert.equal(input(plan, "rules.0.copyActions.0.destinationVaultArn"), copyVault.outputs.arn);
        const backupProvider = run.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "aws-backup") as DeclaredResource;
        assert.equal(input(backupProvider, "region"), "us-west-2");
        assert.ok(copyVault.provider?.startsWith(backupProvider.urn));
        const selection = single(run, "aws:backup/selection:Selection");
        assert.deepEqual(input(selection, "resources"), [single(run, "aws:rds/cluster:Cluster").outputs.arn, named(run, "uploads-bucket").outputs.arn]);
    });

    it("moves assets to Standard-IA at 30 days and Glacier Deep Archive at 90 days", () => {
        const lifecycle = named(run, "assets-lifecycle");
        assert.deepEqual(input(lifecycle, "rules.0.transitions"), [
            { days: 30, storageClass: "STANDARD_IA" },
            { days: 90, storageClass: "DEEP_ARCHIVE" },
        ]);
    });

    it("alarms on 5xx, latency, CPU, database connections and queue age, and draws a dashboard", () => {
        const metrics = ofType(run, "aws:cloudwatch/metricAlarm:MetricAlarm").map((a) => input(a, "metricName"));
        assert.deepEqual(metrics.sort(), ["ApproximateAgeOfOldestMessage", "CPUUtilization", "DatabaseConnections", "HTTPCode_Target_5XX_Count", "TargetResponseTime"]);
        assert.equal(ofType(run, "aws:cloudwatch/dashboard:Dashboard").length, 1);
        assert.match(String(run.outputs.dashboardUrl), /#dashboards:name=runway-prod$/);
    });

    it("writes ALB access logs to a bucket", () => {
        const alb = single(run, "aws:lb/loadBalancer:LoadBalancer");
        assert.equal(input(alb, "accessLogs.enabled"), true);
        assert.equal(input(alb, "accessLogs.bucket"), named(run, "alb-logs-bucket").outputs.bucket);
    });

    it("protects and retains every stateful resource when runway:protect is true", () => {
        for (const type of STATEFUL_TYPES) {
            for (const r of ofType(run, type)) assert.ok(r.protect && r.retainOnDelete, `${r.name} (${type})`);
        }
    });

    it("scales web and worker to zero off hours when runway:scheduleOffHours is true", async () => {
        const night = await runStage("prod", { "runway:scheduleOffHours": "true" });
        const actions = ofType(night, "aws:appautoscaling/scheduledAction:ScheduledAction");
        assert.equal(actions.length, 4);
        const down = actions.filter((a) => a.name.endsWith("off-hours-down"));
        for (const a of down) assert.deepEqual(input(a, "scalableTargetAction"), { minCapacity: 0, maxCapacity: 0 });
        assert.equal(ofType(run, "aws:appautoscaling/scheduledAction:ScheduledAction").length, 0, "off by default");
    });
});
