import type { Stage } from "./defaults";

export type { Stage } from "./defaults";

/** Network shape (hero, enterprise). */
export interface NetworkConfig {
    /** VPC IPv4 CIDR. */
    cidr: string;
    /** Availability zones used (2..6). */
    azCount: number;
    /** One NAT gateway per AZ (true) or one shared (false). */
    natPerAz: boolean;
}

/** zero: the single EC2 instance. */
export interface ServerConfig {
    /** EC2 instance type (Graviton). */
    instanceType: string;
    /** Root volume size in GiB. */
    rootVolumeGb: number;
    /** Daily snapshots kept this many days. */
    snapshotRetentionDays: number;
    /** hero: keep declaring zero's server (same name, same inputs) until the zero → hero cut-over. */
    retainInHero: boolean;
}

/** Container image and the web service's size and scaling. */
export interface WebConfig {
    /** Explicit image, or undefined for `<ECR repository>:<imageTag>`. */
    image?: string;
    /** Tag used with the stack's ECR repository. */
    imageTag: string;
    /** Container port. */
    containerPort: number;
    /** Fargate CPU units per task. */
    cpu: number;
    /** Fargate memory (MiB) per task. */
    memory: number;
    /** Minimum tasks. */
    minTasks: number;
    /** Maximum tasks. */
    maxTasks: number;
    /** Tasks at creation. */
    desiredTasks: number;
    /** Target average CPU (%). */
    cpuTarget: number;
    /** Scale-in cooldown (s). */
    scaleInCooldown: number;
    /** Scale-out cooldown (s). */
    scaleOutCooldown: number;
}

/** The queue worker. */
export interface WorkerConfig {
    /** Minimum tasks. */
    minTasks: number;
    /** Maximum tasks. */
    maxTasks: number;
    /** Visible messages per task the scaling policy aims for. */
    messagesPerWorker: number;
    /** Queue visibility timeout (s). */
    visibilityTimeout: number;
    /** Receives before dead-lettering. */
    maxReceiveCount: number;
}

/** The database (RDS PostgreSQL in hero, Aurora Serverless v2 in enterprise). */
export interface DatabaseConfig {
    /** PostgreSQL engine version. */
    engineVersion: string;
    /** RDS instance class (hero). */
    instanceClass: string;
    /** RDS storage GiB (hero). */
    allocatedStorage: number;
    /** RDS Multi-AZ (hero). */
    multiAz: boolean;
    /** Automated backup retention (days). */
    backupRetentionDays: number;
    /** Snapshot to restore from at creation. */
    snapshotIdentifier?: string;
    /** enterprise: keep declaring hero's RDS instance beside Aurora until the hero → enterprise cut-over. */
    retainHeroInstance: boolean;
    /** Aurora minimum ACU. */
    auroraMinAcu: number;
    /** Aurora maximum ACU. */
    auroraMaxAcu: number;
    /** Aurora readers. */
    auroraReaders: number;
}

/** Redis. */
export interface CacheConfig {
    /** Node type. */
    nodeType: string;
    /** Number of nodes (1 = no replica). */
    nodes: number;
}

/** Off-hours schedule. */
export interface ScheduleConfig {
    /** Scale services to zero off hours. */
    offHours: boolean;
    /** When to scale down. */
    scaleDown: string;
    /** When to scale back up. */
    scaleUp: string;
}

/** Validated, fully-defaulted stack configuration: what every component reads. */
export interface RunwayConfig {
    /** Growth stage. */
    stage: Stage;
    /** AWS region. */
    region: string;
    /** Region for AWS Backup copies (enterprise). */
    backupRegion: string;
    /** Public host name, when configured. */
    domain?: string;
    /** Route 53 hosted zone of the domain, when configured. */
    hostedZoneId?: string;
    /** Alarm and budget email. */
    alertEmail: string;
    /** Owner tag. */
    owner: string;
    /** Cost-centre tag. */
    costCentre: string;
    /** Monthly budget (USD). */
    monthlyBudget: number;
    /** Protect stateful resources. */
    protect: boolean;
    /** Network. */
    network: NetworkConfig;
    /** zero's instance. */
    server: ServerConfig;
    /** Web service. */
    web: WebConfig;
    /** Worker service and its queue. */
    worker: WorkerConfig;
    /** Database. */
    database: DatabaseConfig;
    /** Cache. */
    cache: CacheConfig;
    /** Log retention (days). */
    logRetentionDays: number;
    /** Assets lifecycle (enterprise). */
    assets: { iaDays: number; archiveDays: number };
    /** ECR tagged images kept. */
    ecrKeepImages: number;
    /** AWS Backup retention (days). */
    backupRetentionDays: number;
    /** Off-hours schedule. */
    schedule: ScheduleConfig;
}
