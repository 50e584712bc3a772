import { AUTO, SHARED_DEFAULTS, STAGE_DEFAULTS, STAGES } from "./defaults";

/** The Pulumi project-config type of a key (`Pulumi.yaml` → `config.<key>.type`). */
export type ConfigKeyType = "string" | "integer" | "boolean";

/** One stack-config key Runway reads, as declared in `Pulumi.yaml` and the README table. */
export interface ConfigKeySpec {
    /** Full key, e.g. `runway:minTasks`. */
    key: string;
    /** Pulumi project-config type. */
    type: ConfigKeyType;
    /** Default written in `Pulumi.yaml` (`auto` = the stage's default). */
    default: string | number | boolean;
    /** One sentence for `Pulumi.yaml` and the README. */
    description: string;
}

/** "zero 50, hero 300, enterprise 3000": a stage-dependent default, spelled out for descriptions. */
function perStage(pick: (stage: (typeof STAGES)[number]) => string | number | boolean): string {
    return `auto = ${STAGES.map((stage) => `${stage} ${String(pick(stage))}`).join(", ")}`;
}

const d = SHARED_DEFAULTS;

/** Every key Runway reads, in the order `Pulumi.yaml` and the README list them. */
export const CONFIG_SCHEMA: readonly ConfigKeySpec[] = [
    { key: "runway:stage", type: "string", default: d.stage, description: `Growth stage to deploy: ${STAGES.join(" | ")}.` },
    { key: "runway:region", type: "string", default: d.region, description: "AWS region of the stack." },
    { key: "runway:backupRegion", type: "string", default: d.backupRegion, description: "enterprise: region that receives AWS Backup copies; must differ from runway:region." },
    { key: "runway:domain", type: "string", default: d.domain, description: "Public host name (app.example.com). Required for hero and enterprise (ACM certificate); optional for zero (Caddy TLS)." },
    { key: "runway:hostedZoneId", type: "string", default: d.hostedZoneId, description: "Route 53 zone of runway:domain; when set, certificate validation and alias records are created." },
    { key: "runway:alertEmail", type: "string", default: d.alertEmail, description: "Email subscribed to the alarm topic and budget alerts." },
    { key: "runway:owner", type: "string", default: d.owner, description: "Value of the owner tag on every resource." },
    { key: "runway:costCentre", type: "string", default: d.costCentre, description: "Value of the cost-centre tag on every resource." },
    { key: "runway:monthlyBudget", type: "string", default: AUTO, description: `Monthly AWS Budgets limit in USD (${perStage((s) => STAGE_DEFAULTS[s].monthlyBudget)}).` },
    { key: "runway:protect", type: "string", default: AUTO, description: `true/false: protect + retainOnDelete on stateful resources, deletion protection on databases (${perStage((s) => STAGE_DEFAULTS[s].protect)}).` },
    { key: "runway:vpcCidr", type: "string", default: d.vpcCidr, description: "IPv4 CIDR of the VPC (/16 to /20)." },
    { key: "runway:azCount", type: "string", default: AUTO, description: `Availability zones used, 2..6 (${perStage((s) => STAGE_DEFAULTS[s].azCount)}; zero uses one public subnet).` },
    { key: "runway:natPerAz", type: "string", default: AUTO, description: `true: one NAT gateway per AZ; false: one shared NAT gateway (${perStage((s) => STAGE_DEFAULTS[s].natPerAz)}).` },
    { key: "runway:instanceType", type: "string", default: d.instanceType, description: "zero: EC2 instance type (Graviton: t4g.*, c7g.*, m7g.*...)." },
    { key: "runway:rootVolumeGb", type: "integer", default: d.rootVolumeGb, description: "zero: encrypted root volume size in GiB." },
    { key: "runway:snapshotRetentionDays", type: "integer", default: d.snapshotRetentionDays, description: "zero: daily DLM snapshots kept this many days." },
    {
        key: "runway:retainZeroServer",
        type: "boolean",
        default: d.retainZeroServer,
        description: "hero: keep zero's server (local PostgreSQL and uploads on its root volume) running beside hero until cut-over; true before zero → hero, false after cut-over (docs/growth.md).",
    },
    { key: "runway:containerImage", type: "string", default: d.containerImage, description: "Container image for web and worker; empty = the stack's ECR repository at runway:imageTag." },
    { key: "runway:imageTag", type: "string", default: d.imageTag, description: "Image tag used when runway:containerImage is empty (ECR tags are immutable)." },
    { key: "runway:containerPort", type: "integer", default: d.containerPort, description: "Port the web container listens on." },
    { key: "runway:taskCpu", type: "string", default: AUTO, description: `Fargate CPU units per task: 256 | 512 | 1024 | 2048 | 4096 (${perStage((s) => STAGE_DEFAULTS[s].taskCpu)}).` },
    { key: "runway:taskMemory", type: "string", default: AUTO, description: `Fargate memory per task in MiB, valid for runway:taskCpu (${perStage((s) => STAGE_DEFAULTS[s].taskMemory)}).` },
    { key: "runway:minTasks", type: "integer", default: d.minTasks, description: "Web service: minimum running tasks." },
    { key: "runway:maxTasks", type: "integer", default: d.maxTasks, description: "Web service: maximum running tasks." },
    { key: "runway:desiredTasks", type: "string", default: AUTO, description: "Web service: tasks at creation (auto = runway:minTasks); must lie in min..max." },
    { key: "runway:cpuTarget", type: "integer", default: d.cpuTarget, description: "Web service: target average CPU utilisation in percent (1..100)." },
    { key: "runway:scaleInCooldown", type: "integer", default: d.scaleInCooldown, description: "Web service: seconds between scale-in steps." },
    { key: "runway:scaleOutCooldown", type: "integer", default: d.scaleOutCooldown, description: "Web service: seconds between scale-out steps." },
    { key: "runway:workerMinTasks", type: "integer", default: d.workerMinTasks, description: "Queue worker: minimum running tasks." },
    { key: "runway:workerMaxTasks", type: "integer", default: d.workerMaxTasks, description: "Queue worker: maximum running tasks." },
    { key: "runway:messagesPerWorker", type: "integer", default: d.messagesPerWorker, description: "Queue worker: visible messages per task the scaling policy aims for." },
    { key: "runway:queueVisibilityTimeout", type: "integer", default: d.queueVisibilityTimeout, description: "Job queue visibility timeout in seconds (0..43200)." },
    { key: "runway:queueMaxReceiveCount", type: "integer", default: d.queueMaxReceiveCount, description: "Receives before a message moves to the dead-letter queue." },
    { key: "runway:dbEngineVersion", type: "string", default: d.dbEngineVersion, description: "PostgreSQL version (RDS and Aurora PostgreSQL)." },
    { key: "runway:dbInstanceClass", type: "string", default: d.dbInstanceClass, description: "hero: RDS PostgreSQL instance class." },
    { key: "runway:dbAllocatedStorage", type: "integer", default: d.dbAllocatedStorage, description: "hero: RDS storage in GiB (20..65536)." },
    { key: "runway:dbMultiAz", type: "boolean", default: d.dbMultiAz, description: "hero: run the RDS instance Multi-AZ." },
    { key: "runway:dbBackupRetentionDays", type: "string", default: AUTO, description: `Automated database backups kept, 7..35 days (${perStage((s) => STAGE_DEFAULTS[s].dbBackupRetentionDays)}).` },
    { key: "runway:dbSnapshotIdentifier", type: "string", default: d.dbSnapshotIdentifier, description: "Restore the database from this snapshot (identifier or ARN) when it is created: the stage-move migration path." },
    {
        key: "runway:retainHeroDatabase",
        type: "boolean",
        default: d.retainHeroDatabase,
        description: "enterprise: keep hero's RDS PostgreSQL instance running beside Aurora until cut-over; true before hero → enterprise, false after cut-over (docs/growth.md).",
    },
    { key: "runway:auroraMinAcu", type: "string", default: String(d.auroraMinAcu), description: "enterprise: Aurora Serverless v2 minimum capacity (ACU, 0.5 steps)." },
    { key: "runway:auroraMaxAcu", type: "string", default: String(d.auroraMaxAcu), description: "enterprise: Aurora Serverless v2 maximum capacity (ACU, 0.5 steps, up to 256)." },
    { key: "runway:auroraReaders", type: "integer", default: d.auroraReaders, description: "enterprise: Aurora reader instances (1..15)." },
    { key: "runway:cacheNodeType", type: "string", default: AUTO, description: `ElastiCache node type (${perStage((s) => STAGE_DEFAULTS[s].cacheNodeType)}).` },
    { key: "runway:cacheNodes", type: "string", default: AUTO, description: `Redis nodes, 1..6; enterprise needs 2+ for failover (${perStage((s) => STAGE_DEFAULTS[s].cacheNodes)}).` },
    { key: "runway:logRetentionDays", type: "string", default: AUTO, description: `CloudWatch log retention in days, a value CloudWatch accepts (${perStage((s) => STAGE_DEFAULTS[s].logRetentionDays)}).` },
    { key: "runway:assetsIaDays", type: "integer", default: d.assetsIaDays, description: "enterprise: days before objects move to S3 Standard-IA (30+)." },
    { key: "runway:assetsArchiveDays", type: "integer", default: d.assetsArchiveDays, description: "enterprise: days before objects move to Glacier Deep Archive (after runway:assetsIaDays)." },
    { key: "runway:ecrKeepImages", type: "integer", default: d.ecrKeepImages, description: "ECR lifecycle: tagged images kept (untagged expire after one day)." },
    { key: "runway:backupRetentionDays", type: "integer", default: d.backupRetentionDays, description: "enterprise: AWS Backup recovery points (and cross-region copies) kept, days." },
    { key: "runway:scheduleOffHours", type: "boolean", default: d.scheduleOffHours, description: "hero/enterprise: scale web and worker to zero off hours (for non-production stacks)." },
    { key: "runway:offHoursScaleDown", type: "string", default: d.offHoursScaleDown, description: "Schedule (UTC) of the scale-to-zero action, cron(...) syntax of Application Auto Scaling." },
    { key: "runway:offHoursScaleUp", type: "string", default: d.offHoursScaleUp, description: "Schedule (UTC) restoring min/max tasks, cron(...) syntax." },
];

/** Keys by name, for lookups. */
export const KNOWN_KEYS: ReadonlySet<string> = new Set(CONFIG_SCHEMA.map((spec) => spec.key));
