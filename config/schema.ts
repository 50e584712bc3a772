/**
 * Every stack-config key Runway reads, the one source of truth: its kind (what it allows, its Pulumi type), its
 * default (one value, or one per stage, which `auto` picks), the stages it shapes and what it is for. The config
 * types, the validator, `Pulumi.yaml`'s `config:` block and the README table all come from here
 * (`npm run config:docs` rewrites the last two; a test fails when they differ).
 */
import { AURORA_ACU, DB_BACKUP_RETENTION_DAYS, FARGATE_CPU, FARGATE_MEMORY_RANGE, LOG_RETENTION_DAYS, REDIS_NODES, S3_IA_MIN_DAYS, VPC_PREFIX } from "./aws-limits";
import { STAGES, type Stage } from "./defaults";
import { key, keyDefaultingTo } from "./key-spec";
import { decimal, flag, integer, integerOf, oneOf, text } from "./kinds";
import * as format from "./patterns";

const ZERO: readonly Stage[] = ["zero"];
const HERO: readonly Stage[] = ["hero"];
const ENTERPRISE: readonly Stage[] = ["enterprise"];
const PLATFORM: readonly Stage[] = ["hero", "enterprise"];

/** Task counts of a service. */
const TASKS = { min: 0, max: 1000 };
const TAG_VALUE = "1-256 letters, digits, spaces or _.:/=+@-";

/** Every key, by name without the `runway:` namespace, in the order `Pulumi.yaml` and the README list them. */
export const CONFIG_SCHEMA = {
    stage: key(oneOf(STAGES), "zero", { description: "Growth stage to deploy" }),
    region: key(text("an AWS region name such as us-east-1", format.REGION), "us-east-1", { description: "AWS region of the stack" }),
    backupRegion: key(text("an AWS region name such as us-west-2", format.REGION), "us-west-2", {
        stages: ENTERPRISE,
        description: "Region that receives AWS Backup copies; must differ from runway:region",
    }),
    domain: key(text("a lower-case DNS name such as app.example.com", format.DOMAIN), "", {
        description: "Public host name. Required for hero and enterprise (ACM certificate); optional for zero (Caddy TLS)",
    }),
    hostedZoneId: key(text("a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ", format.HOSTED_ZONE), "", {
        stages: PLATFORM,
        description: "Route 53 zone of runway:domain; when set, certificate validation and alias records are created",
    }),
    alertEmail: key(text("an email address such as ops@example.com", format.EMAIL), "ops@example.com", { description: "Email subscribed to the alarm topic and budget alerts" }),
    owner: key(text(TAG_VALUE, format.TAG_VALUE), "platform-team", { description: "Value of the owner tag on every resource" }),
    costCentre: key(text(TAG_VALUE, format.TAG_VALUE), "runway", { description: "Value of the cost-centre tag on every resource" }),
    monthlyBudget: key(integer(1, 10_000_000), { zero: 50, hero: 300, enterprise: 3000 }, { description: "Monthly AWS Budgets limit in USD" }),
    protect: key(flag, { zero: false, hero: false, enterprise: true }, {
        description: "protect + retainOnDelete on stateful resources, deletion protection on databases",
    }),
    vpcCidr: key(text(`an IPv4 CIDR block from /${VPC_PREFIX.min} to /${VPC_PREFIX.max}, e.g. 10.0.0.0/16`, format.isVpcCidr), "10.0.0.0/16", {
        description: "IPv4 CIDR of the VPC",
    }),
    azCount: key(integer(2, 6), { zero: 2, hero: 2, enterprise: 3 }, { stages: PLATFORM, description: "Availability zones used (zero uses one public subnet)" }),
    natPerAz: key(flag, { zero: false, hero: false, enterprise: true }, { stages: PLATFORM, description: "true: one NAT gateway per AZ; false: one shared NAT gateway" }),
    /** zero: a Graviton, free-tier-sized instance running front and back end behind Caddy. */
    instanceType: key(text("a Graviton (arm64) instance type such as t4g.micro or t4g.small", format.GRAVITON), "t4g.micro", {
        stages: ZERO,
        description: "EC2 instance type (Graviton: t4g.*, c7g.*, m7g.*...)",
    }),
    rootVolumeGb: key(integer(8, 16384), 20, { stages: ZERO, description: "Encrypted root volume size in GiB" }),
    snapshotRetentionDays: key(integer(1, 1000), 7, { stages: ZERO, description: "Daily DLM snapshots of the root volume kept this many days" }),
    retainZeroServer: key(flag, false, {
        stages: HERO,
        description:
            "Keep zero's server (local PostgreSQL and uploads on its root volume) running beside hero until cut-over; true before zero → hero, false after cut-over (docs/growth.md)",
    }),
    containerImage: key(text("a container image reference such as ghcr.io/acme/app:1.2.3", format.IMAGE), "", {
        description: "Container image for web and worker (zero: the app behind Caddy); empty = the stack's ECR repository at runway:imageTag",
    }),
    imageTag: key(text("an image tag of letters, digits, _ . - (up to 128)", format.IMAGE_TAG), "v1", {
        stages: PLATFORM,
        description: "Image tag used when runway:containerImage is empty (ECR tags are immutable)",
    }),
    containerPort: key(integer(1, 65535), 8080, { description: "Port the web container listens on" }),
    taskCpu: key(integerOf(FARGATE_CPU), { zero: 256, hero: 512, enterprise: 1024 }, { stages: PLATFORM, description: "Fargate CPU units per task" }),
    taskMemory: key(integer(FARGATE_MEMORY_RANGE.min, FARGATE_MEMORY_RANGE.max), { zero: 512, hero: 1024, enterprise: 2048 }, {
        stages: PLATFORM,
        description: "Fargate memory per task in MiB, a size runway:taskCpu allows",
    }),
    /** The architecture's web autoscaling: target-tracking CPU 70 %, 2..10 tasks, cooldowns 300 s in / 60 s out. */
    minTasks: key(integer(TASKS.min, TASKS.max), 2, { stages: PLATFORM, description: "Web service: minimum running tasks, no more than runway:maxTasks" }),
    maxTasks: key(integer(1, TASKS.max), 10, { stages: PLATFORM, description: "Web service: maximum running tasks" }),
    desiredTasks: keyDefaultingTo(integer(TASKS.min, TASKS.max), "runway:minTasks", {
        stages: PLATFORM,
        description: "Web service: tasks at creation, from runway:minTasks to runway:maxTasks",
    }),
    cpuTarget: key(integer(1, 100), 70, { stages: PLATFORM, description: "Web service: target average CPU utilisation in percent" }),
    scaleInCooldown: key(integer(0, 3600), 300, { stages: PLATFORM, description: "Web service: seconds between scale-in steps (the queue worker keeps its own QUEUE_SCALING_COOLDOWNS)" }),
    scaleOutCooldown: key(integer(0, 3600), 60, { stages: PLATFORM, description: "Web service: seconds between scale-out steps (the queue worker keeps its own QUEUE_SCALING_COOLDOWNS)" }),
    workerMinTasks: key(integer(TASKS.min, TASKS.max), 1, { stages: PLATFORM, description: "Queue worker: minimum running tasks, no more than runway:workerMaxTasks" }),
    workerMaxTasks: key(integer(1, TASKS.max), 10, { stages: PLATFORM, description: "Queue worker: maximum running tasks" }),
    /** Worker scaling: keep at most this many visible messages per running worker task. */
    messagesPerWorker: key(integer(1, 100_000), 100, { stages: PLATFORM, description: "Queue worker: visible messages per task the scaling policy aims for" }),
    queueVisibilityTimeout: key(integer(0, 43200), 60, { stages: PLATFORM, description: "Job queue visibility timeout in seconds" }),
    queueMaxReceiveCount: key(integer(1, 1000), 5, { stages: PLATFORM, description: "Receives before a message moves to the dead-letter queue" }),
    dbEngineVersion: key(text("a PostgreSQL version such as 16.6", format.ENGINE_VERSION), "16.6", { stages: PLATFORM, description: "PostgreSQL version (RDS and Aurora PostgreSQL)" }),
    dbInstanceClass: key(text("an RDS instance class such as db.t4g.micro", format.DB_CLASS), "db.t4g.micro", {
        stages: HERO,
        description: "RDS PostgreSQL instance class (also of hero's instance kept in enterprise by runway:retainHeroDatabase)",
    }),
    dbAllocatedStorage: key(integer(20, 65536), 20, { stages: HERO, description: "RDS storage in GiB" }),
    dbMultiAz: key(flag, false, { stages: HERO, description: "Run the RDS instance Multi-AZ" }),
    dbBackupRetentionDays: key(integer(DB_BACKUP_RETENTION_DAYS.min, DB_BACKUP_RETENTION_DAYS.max), { zero: 7, hero: 7, enterprise: 14 }, {
        stages: PLATFORM,
        description: "Days automated database backups (and Redis snapshots) are kept",
    }),
    dbSnapshotIdentifier: key(text("an RDS snapshot identifier or snapshot ARN", format.SNAPSHOT), "", {
        stages: PLATFORM,
        description: "Restore the database from this snapshot when it is created: the stage-move migration path",
    }),
    retainHeroDatabase: key(flag, false, {
        stages: ENTERPRISE,
        description: "Keep hero's RDS PostgreSQL instance running beside Aurora until cut-over; true before hero → enterprise, false after cut-over (docs/growth.md)",
    }),
    auroraMinAcu: key(decimal(AURORA_ACU.min, AURORA_ACU.max, AURORA_ACU.step), 0.5, {
        stages: ENTERPRISE,
        description: "Aurora Serverless v2 minimum capacity in ACU, no more than runway:auroraMaxAcu",
    }),
    auroraMaxAcu: key(decimal(AURORA_ACU.min, AURORA_ACU.max, AURORA_ACU.step), 8, { stages: ENTERPRISE, description: "Aurora Serverless v2 maximum capacity in ACU" }),
    auroraReaders: key(integer(1, 15), 1, { stages: ENTERPRISE, description: "Aurora reader instances" }),
    cacheNodeType: key(text("an ElastiCache node type such as cache.t4g.micro", format.CACHE_NODE), { zero: "cache.t4g.micro", hero: "cache.t4g.micro", enterprise: "cache.t4g.small" }, {
        stages: PLATFORM,
        description: "ElastiCache node type",
    }),
    cacheNodes: key(integer(REDIS_NODES.min, REDIS_NODES.max), { zero: 1, hero: 1, enterprise: 2 }, {
        stages: PLATFORM,
        description: `Redis nodes; enterprise needs ${REDIS_NODES.failoverMin} or more for automatic failover`,
    }),
    logRetentionDays: key(integerOf(LOG_RETENTION_DAYS), { zero: 14, hero: 30, enterprise: 365 }, { stages: PLATFORM, description: "CloudWatch log retention in days" }),
    /** Assets lifecycle: Standard → Standard-IA at 30 days → Glacier Deep Archive at 90 days. */
    assetsIaDays: key(integer(S3_IA_MIN_DAYS, 3650), 30, { stages: ENTERPRISE, description: "Days before assets objects move to S3 Standard-IA" }),
    assetsArchiveDays: key(integer(S3_IA_MIN_DAYS, 36500), 90, {
        stages: ENTERPRISE,
        description: `Days before assets objects move to Glacier Deep Archive, at least ${S3_IA_MIN_DAYS} after runway:assetsIaDays`,
    }),
    /** ECR lifecycle: keep this many tagged images, expire untagged ones after a day. */
    ecrKeepImages: key(integer(1, 1000), 30, { stages: PLATFORM, description: "ECR lifecycle: tagged images kept (untagged expire after one day)" }),
    backupRetentionDays: key(integer(1, 36500), 35, { stages: ENTERPRISE, description: "Days AWS Backup keeps recovery points (and their cross-region copies)" }),
    scheduleOffHours: key(flag, false, { stages: PLATFORM, description: "Scale web and worker to zero off hours (for non-production stacks)" }),
    offHoursScaleDown: key(text("an Application Auto Scaling schedule such as cron(0 20 ? * MON-FRI *)", format.SCHEDULE), "cron(0 20 ? * MON-FRI *)", {
        stages: PLATFORM,
        description: "Schedule (UTC) of the scale-to-zero action",
    }),
    offHoursScaleUp: key(text("an Application Auto Scaling schedule such as cron(0 7 ? * MON-FRI *)", format.SCHEDULE), "cron(0 7 ? * MON-FRI *)", {
        stages: PLATFORM,
        description: "Schedule (UTC) restoring the minimum and maximum tasks",
    }),
};

/** A key's name without the `runway:` namespace. */
export type KeyName = keyof typeof CONFIG_SCHEMA;

/** Every key's name, in schema order. */
export const KEY_NAMES = Object.keys(CONFIG_SCHEMA) as readonly KeyName[];

/** The full config key of `name`: `runway:minTasks`. */
export function fullKey(name: KeyName): `runway:${KeyName}` {
    return `runway:${name}`;
}
