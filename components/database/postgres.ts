import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child, stateful } from "../options";

/** The RDS instance's own inputs (kind `instance`, and hero's instance kept beside Aurora). */
export interface InstanceSizing {
    /**
     * RDS instance class.
     * @default `CONFIG_SCHEMA.dbInstanceClass` (`db.t4g.micro`), through `runway:dbInstanceClass`
     */
    readonly instanceClass: string;
    /**
     * Storage in GiB; storage autoscaling goes up to `MAX_STORAGE_FACTOR` (5) times this.
     * @default `CONFIG_SCHEMA.dbAllocatedStorage` (20), through `runway:dbAllocatedStorage`
     */
    readonly allocatedStorage: number;
    /**
     * Multi-AZ standby.
     * @default `CONFIG_SCHEMA.dbMultiAz` (false), through `runway:dbMultiAz`
     */
    readonly multiAz: boolean;
}

/** Aurora Serverless v2 sizing. */
export interface AuroraSizing {
    /**
     * Minimum capacity (ACU).
     * @default `CONFIG_SCHEMA.auroraMinAcu` (0.5), through `runway:auroraMinAcu`
     */
    readonly minAcu: number;
    /**
     * Maximum capacity (ACU).
     * @default `CONFIG_SCHEMA.auroraMaxAcu` (8), through `runway:auroraMaxAcu`
     */
    readonly maxAcu: number;
    /**
     * Reader instances besides the writer.
     * @default `CONFIG_SCHEMA.auroraReaders` (1), through `runway:auroraReaders`
     */
    readonly readers: number;
}

/** What both kinds of the PostgreSQL block take. */
interface PostgresCommonArgs {
    /** Private data subnets (no internet route). */
    readonly subnetIds: pulumi.Input<string>[];
    /** Security group admitting PostgreSQL from the tasks only. */
    readonly securityGroupId: pulumi.Input<string>;
    /**
     * PostgreSQL version.
     * @default `CONFIG_SCHEMA.dbEngineVersion` (`16.6`), through `runway:dbEngineVersion`
     */
    readonly engineVersion: string;
    /**
     * Automated backup retention (days, ≥ 7).
     * @default `CONFIG_SCHEMA.dbBackupRetentionDays` (hero 7, enterprise 14), through `runway:dbBackupRetentionDays`
     */
    readonly backupRetentionDays: number;
    /**
     * Refuse deletion through the AWS API.
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly deletionProtection: boolean;
    /** Restore from this snapshot when the database is created (stage-move migration); a fresh database when unset. */
    readonly snapshotIdentifier?: string;
    /** Customer-managed key for storage, Performance Insights and the master secret (enterprise); AWS-managed keys when unset. */
    readonly kmsKeyArn?: pulumi.Input<string>;
    /**
     * Protect and retain the database.
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

/** One RDS PostgreSQL instance (hero). */
export interface PostgresInstanceArgs extends PostgresCommonArgs, InstanceSizing {
    /** Discriminant: one RDS PostgreSQL instance. */
    readonly kind: "instance";
}

/** Aurora Serverless v2 PostgreSQL, a writer and readers (enterprise). */
export interface PostgresAuroraArgs extends PostgresCommonArgs {
    /** Discriminant: Aurora Serverless v2 writer + readers. */
    readonly kind: "aurora";
    /** Aurora sizing. */
    readonly aurora: AuroraSizing;
    /**
     * Keep declaring hero's RDS instance (`<name>-instance`) with these, hero's, inputs beside the cluster, so the
     * hero → enterprise move keeps it running until cut-over instead of deleting it; no instance when unset.
     * @default unset (`CONFIG_SCHEMA.retainHeroDatabase` is false; `runway:retainHeroDatabase`)
     */
    readonly retainedHeroInstance?: InstanceSizing;
}

/** Arguments of the PostgreSQL block: a field belongs to the kind that uses it. */
export type PostgresArgs = PostgresInstanceArgs | PostgresAuroraArgs;

/** Database and user created in a fresh database. */
export const DATABASE_NAME = "runway";
const MASTER_USERNAME = "runway";
/** Storage autoscaling ceiling, as a multiple of the allocated storage. */
const MAX_STORAGE_FACTOR = 5;
/** Performance Insights retention (days; 7 is the free tier). */
const PERFORMANCE_INSIGHTS_DAYS = 7;
const BACKUP_WINDOW = "03:00-04:00";
const MAINTENANCE_WINDOW = "sun:04:30-sun:05:30";
/**
 * Inputs AWS reads only when a database is created. Ignoring them lets `runway:dbSnapshotIdentifier` be
 * cleared (or set) after creation without planning a new, empty database: each of them forces replacement.
 */
const CLUSTER_CREATE_ONLY = ["snapshotIdentifier", "masterUsername", "databaseName"];
const INSTANCE_CREATE_ONLY = ["snapshotIdentifier", "username", "dbName"];

/**
 * PostgreSQL in private data subnets, encrypted, never public, with automated backups, a named final
 * snapshot and a master password managed by RDS in Secrets Manager (nothing in Pulumi state).
 *
 * The subnet group keeps its name in both kinds. Moving `instance` → `aurora` cannot happen in place: take
 * a snapshot of the instance and set `runway:dbSnapshotIdentifier` to it; Aurora is created from it, while
 * `retainedHeroInstance` keeps the instance running beside it until cut-over (docs/growth.md, hero →
 * enterprise). Create-only inputs (snapshot, master user, database name) are `ignoreChanges`, so clearing
 * the snapshot afterwards changes nothing.
 */
export class Postgres extends pulumi.ComponentResource {
    /** Writer endpoint host name. */
    readonly endpoint: pulumi.Output<string>;
    /** Reader endpoint host name (Aurora), else the writer's. */
    readonly readerEndpoint: pulumi.Output<string>;
    /** Port. */
    readonly port: pulumi.Output<number>;
    /** Instance or cluster identifier (CloudWatch dimension). */
    readonly identifier: pulumi.Output<string>;
    /** CloudWatch dimension name for `identifier`. */
    readonly metricDimension: "DBInstanceIdentifier" | "DBClusterIdentifier";
    /** ARN of the resource (for backup selections). */
    readonly arn: pulumi.Output<string>;
    /** ARN of the RDS-managed master user secret, once known. */
    readonly masterSecretArn: pulumi.Output<string | undefined>;

    constructor(name: string, args: PostgresArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:database:Postgres", name, {}, opts);
        const subnetGroup = new aws.rds.SubnetGroup(`${name}-subnets`, { subnetIds: args.subnetIds, description: "Private data subnets" }, child(this));
        const finalSnapshotIdentifier = `${name}-${pulumi.getStack()}-final`.replace(/[^A-Za-z0-9-]/g, "-");
        const restore = args.snapshotIdentifier === undefined ? { masterUsername: MASTER_USERNAME, databaseName: DATABASE_NAME } : { snapshotIdentifier: args.snapshotIdentifier };
        const shared = {
            engineVersion: args.engineVersion,
            dbSubnetGroupName: subnetGroup.name,
            vpcSecurityGroupIds: [args.securityGroupId],
            storageEncrypted: true,
            backupRetentionPeriod: args.backupRetentionDays,
            copyTagsToSnapshot: true,
            deletionProtection: args.deletionProtection,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier,
            manageMasterUserPassword: true,
            iamDatabaseAuthenticationEnabled: true,
            enabledCloudwatchLogsExports: ["postgresql"],
        };
        const encryption = args.kmsKeyArn === undefined ? {} : { kmsKeyId: args.kmsKeyArn, masterUserSecretKmsKeyId: args.kmsKeyArn };

        // hero's instance. Beside Aurora (kind `aurora`, retained until cut-over) it keeps the inputs hero gave
        // it: no customer-managed key (a new kmsKeyId would force replacement) and the master user it was
        // created with (create-only inputs are ignored anyway).
        const rdsInstance = (sizing: InstanceSizing, inEnterprise: boolean): aws.rds.Instance => {
            const snapshot = inEnterprise ? undefined : args.snapshotIdentifier;
            return new aws.rds.Instance(
                `${name}-instance`,
                {
                    ...shared,
                    ...(inEnterprise ? {} : encryption),
                    engine: "postgres",
                    instanceClass: sizing.instanceClass,
                    allocatedStorage: sizing.allocatedStorage,
                    maxAllocatedStorage: sizing.allocatedStorage * MAX_STORAGE_FACTOR,
                    storageType: "gp3",
                    publiclyAccessible: false,
                    multiAz: sizing.multiAz,
                    backupWindow: BACKUP_WINDOW,
                    maintenanceWindow: MAINTENANCE_WINDOW,
                    autoMinorVersionUpgrade: true,
                    ...(snapshot === undefined ? { username: MASTER_USERNAME, dbName: DATABASE_NAME } : { snapshotIdentifier: snapshot }),
                },
                stateful(this, args.protect, { ignoreChanges: INSTANCE_CREATE_ONLY }),
            );
        };

        if (args.kind === "instance") {
            const db = rdsInstance(args, false);
            this.endpoint = db.address;
            this.readerEndpoint = db.address;
            this.port = db.port;
            this.identifier = db.identifier;
            this.metricDimension = "DBInstanceIdentifier";
            this.arn = db.arn;
            this.masterSecretArn = db.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn);
        } else {
            const cluster = new aws.rds.Cluster(
                `${name}-cluster`,
                {
                    ...shared,
                    ...encryption,
                    ...restore,
                    engine: "aurora-postgresql",
                    engineMode: "provisioned",
                    preferredBackupWindow: BACKUP_WINDOW,
                    preferredMaintenanceWindow: MAINTENANCE_WINDOW,
                    serverlessv2ScalingConfiguration: { minCapacity: args.aurora.minAcu, maxCapacity: args.aurora.maxAcu },
                },
                stateful(this, args.protect, { ignoreChanges: CLUSTER_CREATE_ONLY }),
            );
            const instance = (role: string, promotionTier: number): aws.rds.ClusterInstance =>
                new aws.rds.ClusterInstance(
                    `${name}-${role}`,
                    {
                        clusterIdentifier: cluster.id,
                        instanceClass: "db.serverless",
                        engine: "aurora-postgresql",
                        engineVersion: cluster.engineVersion,
                        dbSubnetGroupName: subnetGroup.name,
                        publiclyAccessible: false,
                        promotionTier,
                        autoMinorVersionUpgrade: true,
                        performanceInsightsEnabled: true,
                        performanceInsightsRetentionPeriod: PERFORMANCE_INSIGHTS_DAYS,
                        ...(args.kmsKeyArn === undefined ? {} : { performanceInsightsKmsKeyId: args.kmsKeyArn }),
                        copyTagsToSnapshot: true,
                    },
                    stateful(this, args.protect),
                );
            instance("writer", 0);
            for (let i = 0; i < args.aurora.readers; i++) instance(`reader-${i}`, 1);
            if (args.retainedHeroInstance !== undefined) rdsInstance(args.retainedHeroInstance, true);
            this.endpoint = cluster.endpoint;
            this.readerEndpoint = cluster.readerEndpoint;
            this.port = cluster.port;
            this.identifier = cluster.clusterIdentifier;
            this.metricDimension = "DBClusterIdentifier";
            this.arn = cluster.arn;
            this.masterSecretArn = cluster.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn);
        }
        this.registerOutputs({ endpoint: this.endpoint, readerEndpoint: this.readerEndpoint, port: this.port, identifier: this.identifier, arn: this.arn });
    }
}
