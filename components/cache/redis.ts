import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { child, stateful } from "../options";

/** Arguments of the Redis block. */
export interface RedisArgs {
    /** Private data subnets. */
    readonly subnetIds: pulumi.Input<string>[];
    /** Security group admitting Redis from the tasks only. */
    readonly securityGroupId: pulumi.Input<string>;
    /**
     * Node type.
     * @default `CONFIG_SCHEMA.cacheNodeType` (hero `cache.t4g.micro`, enterprise `cache.t4g.small`), through `runway:cacheNodeType`
     */
    readonly nodeType: string;
    /**
     * Nodes: 1 (hero) or 2+ with automatic failover and Multi-AZ (enterprise).
     * @default `CONFIG_SCHEMA.cacheNodes` (hero 1, enterprise 2), through `runway:cacheNodes`
     */
    readonly nodes: number;
    /**
     * Daily snapshots kept (days).
     * @default `CONFIG_SCHEMA.dbBackupRetentionDays` (hero 7, enterprise 14), through `runway:dbBackupRetentionDays`: kept as long as database backups
     */
    readonly snapshotRetentionDays: number;
    /**
     * Protect and retain the replication group.
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly protect: boolean;
}

/** Redis engine version. */
export const REDIS_VERSION = "7.1";
/** Auth token length (ElastiCache accepts 16..128). */
const AUTH_TOKEN_LENGTH = 48;

/**
 * ElastiCache Redis as a replication group in every stage, so growing from one node to a replicated,
 * Multi-AZ group is an in-place update of the same resource. Encrypted at rest (AWS-managed key: a
 * customer key cannot be added later without replacing the group) and in transit, with a generated auth
 * token that only exists as a secret.
 */
export class Redis extends pulumi.ComponentResource {
    /** Primary endpoint host. */
    readonly primaryEndpoint: pulumi.Output<string>;
    /** Reader endpoint host. */
    readonly readerEndpoint: pulumi.Output<string>;
    /** Auth token (secret). */
    readonly authToken: pulumi.Output<string>;
    /** Replication group id. */
    readonly replicationGroupId: pulumi.Output<string>;

    constructor(name: string, args: RedisArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:cache:Redis", name, {}, opts);
        const subnetGroup = new aws.elasticache.SubnetGroup(`${name}-subnets`, { subnetIds: args.subnetIds, description: "Private data subnets" }, child(this));
        const token = new random.RandomPassword(`${name}-auth-token`, { length: AUTH_TOKEN_LENGTH, special: false }, child(this, { additionalSecretOutputs: ["result"] }));
        const replicated = args.nodes > 1;
        const group = new aws.elasticache.ReplicationGroup(
            `${name}-group`,
            {
                description: "Runway cache",
                engine: "redis",
                engineVersion: REDIS_VERSION,
                nodeType: args.nodeType,
                numCacheClusters: args.nodes,
                port: 6379,
                subnetGroupName: subnetGroup.name,
                securityGroupIds: [args.securityGroupId],
                atRestEncryptionEnabled: true,
                transitEncryptionEnabled: true,
                authToken: pulumi.secret(token.result),
                automaticFailoverEnabled: replicated,
                multiAzEnabled: replicated,
                snapshotRetentionLimit: args.snapshotRetentionDays,
                autoMinorVersionUpgrade: true,
            },
            stateful(this, args.protect),
        );
        this.primaryEndpoint = group.primaryEndpointAddress;
        this.readerEndpoint = group.readerEndpointAddress;
        this.authToken = pulumi.secret(token.result);
        this.replicationGroupId = group.id;
        this.registerOutputs({ primaryEndpoint: this.primaryEndpoint, readerEndpoint: this.readerEndpoint, replicationGroupId: this.replicationGroupId });
    }
}
