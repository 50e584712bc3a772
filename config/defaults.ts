/**
 * Every number and name from the architecture Runway models, in one place.
 *
 * Keys whose default does not depend on the stage live in `SHARED_DEFAULTS`; keys whose default does
 * (`"auto"` in `Pulumi.yaml`) are resolved from `STAGE_DEFAULTS[stage]`. Change a default here and the
 * schema, `Pulumi.yaml` and the README table follow (a test keeps them in step).
 */

/** The three growth stages, smallest first. */
export const STAGES = ["zero", "hero", "enterprise"] as const;

/** A growth stage. */
export type Stage = (typeof STAGES)[number];

/** The value a stage-dependent key takes in `Pulumi.yaml`: "use this stage's default". */
export const AUTO = "auto";

/** Defaults that do not depend on the stage. */
export const SHARED_DEFAULTS = {
    stage: "zero" as Stage,
    region: "us-east-1",
    backupRegion: "us-west-2",
    domain: "",
    hostedZoneId: "",
    alertEmail: "ops@example.com",
    owner: "platform-team",
    costCentre: "runway",
    vpcCidr: "10.0.0.0/16",
    /** zero: Graviton, free-tier-sized instance running front and back end behind Caddy. */
    instanceType: "t4g.micro",
    rootVolumeGb: 20,
    /** zero: daily DLM snapshots of the root volume, kept this many days. */
    snapshotRetentionDays: 7,
    /** zero → hero: hero keeps declaring zero's server (its data) until cut-over. Off: hero costs nothing extra. */
    retainZeroServer: false,
    containerImage: "",
    imageTag: "v1",
    containerPort: 8080,
    /** The architecture's web autoscaling: target-tracking CPU 70 %, 2..10 tasks, cooldowns 300 s in / 60 s out. */
    minTasks: 2,
    maxTasks: 10,
    cpuTarget: 70,
    scaleInCooldown: 300,
    scaleOutCooldown: 60,
    workerMinTasks: 1,
    workerMaxTasks: 10,
    /** Worker scaling: keep at most this many visible messages per running worker task. */
    messagesPerWorker: 100,
    queueVisibilityTimeout: 60,
    queueMaxReceiveCount: 5,
    dbEngineVersion: "16.6",
    dbInstanceClass: "db.t4g.micro",
    dbAllocatedStorage: 20,
    dbMultiAz: false,
    auroraMinAcu: 0.5,
    auroraMaxAcu: 8,
    auroraReaders: 1,
    dbSnapshotIdentifier: "",
    /** hero → enterprise: enterprise keeps declaring hero's RDS instance beside Aurora until cut-over. */
    retainHeroDatabase: false,
    /** Assets lifecycle: Standard → Standard-IA at 30 days → Glacier Deep Archive at 90 days. */
    assetsIaDays: 30,
    assetsArchiveDays: 90,
    scheduleOffHours: false,
    offHoursScaleDown: "cron(0 20 ? * MON-FRI *)",
    offHoursScaleUp: "cron(0 7 ? * MON-FRI *)",
    /** ECR lifecycle: keep this many tagged images, expire untagged ones after a day. */
    ecrKeepImages: 30,
    /** Enterprise: AWS Backup keeps recovery points (and their cross-region copies) this many days. */
    backupRetentionDays: 35,
} as const;

/** Defaults that depend on the stage (`"auto"` in `Pulumi.yaml`). */
export interface StageDefaults {
    monthlyBudget: number;
    protect: boolean;
    azCount: number;
    natPerAz: boolean;
    taskCpu: number;
    taskMemory: number;
    dbBackupRetentionDays: number;
    cacheNodeType: string;
    cacheNodes: number;
    logRetentionDays: number;
}

/** Per-stage defaults; zero uses only the budget, protection and log retention. */
export const STAGE_DEFAULTS: Readonly<Record<Stage, StageDefaults>> = {
    zero: {
        monthlyBudget: 50,
        protect: false,
        azCount: 2,
        natPerAz: false,
        taskCpu: 256,
        taskMemory: 512,
        dbBackupRetentionDays: 7,
        cacheNodeType: "cache.t4g.micro",
        cacheNodes: 1,
        logRetentionDays: 14,
    },
    hero: {
        monthlyBudget: 300,
        protect: false,
        azCount: 2,
        natPerAz: false,
        taskCpu: 512,
        taskMemory: 1024,
        dbBackupRetentionDays: 7,
        cacheNodeType: "cache.t4g.micro",
        cacheNodes: 1,
        logRetentionDays: 30,
    },
    enterprise: {
        monthlyBudget: 3000,
        protect: true,
        azCount: 3,
        natPerAz: true,
        taskCpu: 1024,
        taskMemory: 2048,
        dbBackupRetentionDays: 14,
        cacheNodeType: "cache.t4g.small",
        cacheNodes: 2,
        logRetentionDays: 365,
    },
};

/** Limits the validator enforces. */
export const LIMITS = {
    minAzCount: 2,
    maxAzCount: 6,
    /** CloudWatch Logs accepts only these retention periods (days). */
    logRetentionDays: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
    /** Fargate CPU units and the memory (MiB) each allows. */
    fargateMemory: {
        256: [512, 1024, 2048],
        512: [1024, 2048, 3072, 4096],
        1024: [2048, 3072, 4096, 5120, 6144, 7168, 8192],
        2048: [4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384],
        4096: [8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384, 17408, 18432, 19456, 20480, 21504, 22528, 23552, 24576, 25600, 26624, 27648, 28672, 29696, 30720],
    } as Readonly<Record<number, readonly number[]>>,
    /** RDS automated backups: at least a week, at most 35 days. */
    minDbBackupRetentionDays: 7,
    maxDbBackupRetentionDays: 35,
    /** Aurora Serverless v2 capacity range (ACU). */
    minAcu: 0.5,
    maxAcu: 256,
    /** S3 accepts STANDARD_IA transitions from 30 days after creation. */
    minIaDays: 30,
} as const;

/** Alarm thresholds (enterprise platform alarms and zero's instance alarms). */
export const ALARM_THRESHOLDS = {
    /** ALB target 5xx responses per 5 minutes. */
    target5xxPer5Min: 10,
    /** p95 target response time (s). */
    latencyP95Seconds: 1,
    /** Average CPU of a service or instance (%). */
    cpuPercent: 85,
    /** Database connections. */
    dbConnections: 200,
    /** Age of the oldest queued message (s). */
    queueAgeSeconds: 900,
    /** Evaluation period (s) and periods that must breach. */
    periodSeconds: 300,
    evaluationPeriods: 2,
} as const;

/** Object Lock retention of the CloudTrail bucket (days). */
export const TRAIL_RETENTION_DAYS = 365;
