/**
 * Resilience by stage. Mandatory in the enterprise profile; advisory in hero (and zero where it applies).
 * Zero allows a single instance, but it must have snapshots (mandatory in zero).
 */
import type { Graph } from "../../model/graph";
import { snapshotView } from "../graph/snapshots";
import { OPENSEARCH, AWS_TYPE, BUCKETS } from "../../model/aws-types";
import type { StackResource } from "../../model/resource";
import { countUp } from "../../model/multimap";
import { finding, notEvaluated, type ResourceRule, type RuleFinding, type StackRule } from "../lib/rule";
import { fsbp, wellArchitected } from "./frameworks";
import { asBool, asNumber, asString, at, stringsOf, UNKNOWN } from "../../model/values";

/** The instances of `type` naming each cluster of `clusterType`, and those whose cluster is unknown: resolved once per graph. */
interface ClusterMembers {
    /** cluster → instances that name it. */
    named: Map<StackResource, number>;
    /** Instances whose `clusterIdentifier` is unknown (in preview, with no dependency to tell). */
    unknown: number;
    /** cluster → instances among those unknown ones that still name it (through another part of the value). */
    unknownNaming: Map<StackResource, number>;
}

function clusterMembers(g: Graph, type: string, clusterType: string): ClusterMembers {
    return g.view(`cluster-members ${type} ${clusterType}`, (graph) => {
        const members: ClusterMembers = { named: new Map(), unknown: 0, unknownNaming: new Map() };
        for (const i of graph.ofType(type)) {
            const ref = graph.ref(i, "clusterIdentifier", [clusterType]);
            for (const c of ref.targets) countUp(members.named, c);
            if (ref.unknown) {
                members.unknown++;
                for (const c of ref.targets) countUp(members.unknownNaming, c);
            }
        }
        return members;
    });
}

/** How many instances of `type` the cluster has; unknown when an instance's cluster is unknown and it is not this one. */
function instancesOf(g: Graph, cluster: StackResource, type: string): { count: number; unknown: boolean } {
    const members = clusterMembers(g, type, cluster.type);
    return { count: members.named.get(cluster) ?? 0, unknown: members.unknown > (members.unknownNaming.get(cluster) ?? 0) };
}

function highAvailability(r: StackResource, g: Graph): RuleFinding[] {
    const p = r.props;
    const cluster = (type: string, kind: string): RuleFinding[] => {
        const n = instancesOf(g, r, type);
        if (n.count >= 2) return [];
        return n.unknown ? [notEvaluated(r, "clusterIdentifier", `instances of ${r.name}`)] : [finding(r, `${kind} ${r.name} has ${n.count} instance(s); a failover target needs at least 2 in different AZs`)];
    };
    switch (r.type) {
        case AWS_TYPE.rdsInstance: {
            if (p.replicateSourceDb !== undefined) return [];
            const multiAz = asBool(p.multiAz);
            if (multiAz === UNKNOWN) return [notEvaluated(r, "multiAz", `availability of ${r.name}`)];
            return multiAz === true ? [] : [finding(r, `RDS instance ${r.name} is single-AZ (multiAz defaults to false)`)];
        }
        case AWS_TYPE.rdsCluster: {
            // Multi-AZ DB clusters (dbClusterInstanceClass set) are three-AZ by construction; Aurora needs instances.
            if (p.dbClusterInstanceClass !== undefined) return [];
            return cluster(AWS_TYPE.rdsClusterInstance, "Aurora cluster");
        }
        case AWS_TYPE.docdbCluster:
            return cluster(AWS_TYPE.docdbClusterInstance, "DocumentDB cluster");
        case AWS_TYPE.neptuneCluster:
            return cluster(AWS_TYPE.neptuneClusterInstance, "Neptune cluster");
        case AWS_TYPE.cacheReplicationGroup: {
            const failover = asBool(p.automaticFailoverEnabled);
            const multiAz = asBool(p.multiAzEnabled);
            if (failover === UNKNOWN || multiAz === UNKNOWN) return [notEvaluated(r, failover === UNKNOWN ? "automaticFailoverEnabled" : "multiAzEnabled", `availability of ${r.name}`)];
            const missing = [failover !== true ? "automaticFailoverEnabled" : "", multiAz !== true ? "multiAzEnabled" : ""].filter((x) => x);
            return missing.length > 0 ? [finding(r, `ElastiCache replication group ${r.name} has no automatic multi-AZ failover (${missing.join(", ")} not true; both default to false)`)] : [];
        }
        case AWS_TYPE.cacheCluster:
            if (p.replicationGroupId !== undefined) return [];
            if (asString(p.engine) === "memcached" && asString(p.azMode) === "cross-az") return [];
            return [finding(r, `ElastiCache cluster ${r.name} is a single node with no failover; use a replication group with automatic failover`)];
        case AWS_TYPE.memorydbCluster: {
            const replicas = asNumber(p.numReplicasPerShard);
            if (replicas === UNKNOWN) return [notEvaluated(r, "numReplicasPerShard", `availability of ${r.name}`)];
            return replicas === 0 ? [finding(r, `MemoryDB cluster ${r.name} has no replicas (numReplicasPerShard = 0)`)] : []; // default 1
        }
        case AWS_TYPE.opensearchDomain:
        case AWS_TYPE.elasticsearchDomain: {
            const zone = asBool(at(p.clusterConfig, "zoneAwarenessEnabled"));
            if (zone === UNKNOWN) return [notEvaluated(r, "clusterConfig.zoneAwarenessEnabled", `availability of ${r.name}`)];
            return zone === true ? [] : [finding(r, `search domain ${r.name} is in one AZ (clusterConfig.zoneAwarenessEnabled defaults to false)`)];
        }
        default:
            return [];
    }
}

const HA_TYPES = [AWS_TYPE.rdsInstance, AWS_TYPE.rdsCluster, AWS_TYPE.docdbCluster, AWS_TYPE.neptuneCluster, AWS_TYPE.cacheReplicationGroup, AWS_TYPE.cacheCluster, AWS_TYPE.memorydbCluster, ...OPENSEARCH];

export const dbHighAvailability: StackRule = {
    kind: "stack",
    name: "db-high-availability",
    description: "Databases, caches and search domains are multi-AZ with automatic failover (enterprise: mandatory; hero: advisory; zero: a single instance is allowed).",
    severity: "high",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "resilience",
    frameworks: fsbp("RDS.5", "RDS.15", "ElastiCache.3", "Opensearch.6"),
    remediationSteps: "RDS: multiAz = true. Aurora/DocumentDB/Neptune: at least two cluster instances. ElastiCache: a replication group with automaticFailoverEnabled and multiAzEnabled and at least one replica. OpenSearch: zoneAwarenessEnabled with 2+ nodes.",
    check(ctx) {
        return ctx.graph.ofType(...HA_TYPES).filter((r) => ctx.stage(r) !== "zero").flatMap((r) => highAvailability(r, ctx.graph));
    },
};

export const dbDeletionProtection: ResourceRule = {
    kind: "resource",
    name: "db-deletion-protection",
    description: "Databases and tables have deletion protection (mandatory in enterprise).",
    severity: "medium",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "resilience",
    frameworks: fsbp("RDS.8", "RDS.7", "DocumentDB.5", "Neptune.4", "DynamoDB.6"),
    remediationSteps: "Set deletionProtection = true (RDS, DocumentDB, Neptune) or deletionProtectionEnabled = true (DynamoDB).",
    types: [AWS_TYPE.rdsInstance, AWS_TYPE.rdsCluster, AWS_TYPE.docdbCluster, AWS_TYPE.neptuneCluster, AWS_TYPE.dynamoTable],
    check(r) {
        const prop = r.type === AWS_TYPE.dynamoTable ? "deletionProtectionEnabled" : "deletionProtection";
        const v = asBool(r.props[prop]);
        if (v === UNKNOWN) return [notEvaluated(r, prop, `deletion protection of ${r.name}`)];
        return v === true ? [] : [finding(r, `${r.name} can be deleted by one API call (${prop} ${v === false ? "= false" : "is not set; default false"})`)];
    },
};

/** [property, AWS default when unset] per type. */
const RETENTION: Record<string, [string, number]> = {
    [AWS_TYPE.rdsInstance]: ["backupRetentionPeriod", 0], // provider v7: "Default is 0"
    [AWS_TYPE.rdsCluster]: ["backupRetentionPeriod", 1], // RDS API default for clusters: 1 day
    [AWS_TYPE.docdbCluster]: ["backupRetentionPeriod", 1],
    [AWS_TYPE.neptuneCluster]: ["backupRetentionPeriod", 1],
    [AWS_TYPE.redshiftCluster]: ["automatedSnapshotRetentionPeriod", 1],
    [AWS_TYPE.cacheReplicationGroup]: ["snapshotRetentionLimit", 0],
    [AWS_TYPE.memorydbCluster]: ["snapshotRetentionLimit", 0],
};

export const dbBackupRetention: ResourceRule = {
    kind: "resource",
    name: "db-backup-retention",
    description: "Databases and caches keep automated backups for at least minRetentionDays (default 7); DynamoDB has point-in-time recovery.",
    severity: "medium",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "resilience",
    frameworks: fsbp("RDS.11", "RDS.14", "DocumentDB.2", "Neptune.5", "ElastiCache.1", "DynamoDB.2"),
    remediationSteps: "Set the retention (backupRetentionPeriod / snapshotRetentionLimit / automatedSnapshotRetentionPeriod) to at least the minimum; enable pointInTimeRecovery on DynamoDB tables.",
    options: { minRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 7, description: "Minimum automated backup retention in days." } },
    types: [...Object.keys(RETENTION), AWS_TYPE.dynamoTable],
    check(r, ctx) {
        const min = typeof ctx.options.minRetentionDays === "number" ? ctx.options.minRetentionDays : 7;
        if (r.type === AWS_TYPE.dynamoTable) {
            const pitr = asBool(at(r.props.pointInTimeRecovery, "enabled"));
            if (pitr === UNKNOWN) return [notEvaluated(r, "pointInTimeRecovery.enabled", `backups of ${r.name}`)];
            return pitr === true ? [] : [finding(r, `DynamoDB table ${r.name} has no point-in-time recovery`)];
        }
        if (r.props.replicateSourceDb !== undefined) return [];
        const [prop, fallback] = RETENTION[r.type];
        const days = asNumber(r.props[prop]);
        if (days === UNKNOWN) return [notEvaluated(r, prop, `backup retention of ${r.name}`)];
        const effective = days ?? fallback;
        return effective >= min ? [] : [finding(r, `${r.name} keeps backups for ${effective} day(s)${days === undefined ? ` (${prop} not set)` : ""}; at least ${min} required`)];
    },
};

const STATEFUL = [AWS_TYPE.rdsInstance, AWS_TYPE.rdsCluster, AWS_TYPE.docdbCluster, AWS_TYPE.neptuneCluster, AWS_TYPE.redshiftCluster, AWS_TYPE.cacheReplicationGroup, AWS_TYPE.memorydbCluster, ...OPENSEARCH, ...BUCKETS, AWS_TYPE.efsFileSystem, AWS_TYPE.dynamoTable, "aws:kms/key:Key", AWS_TYPE.secret, AWS_TYPE.ecrRepository];

export const statefulResourcesProtected: ResourceRule = {
    kind: "resource",
    name: "stateful-resources-protected",
    description: "Stateful resources (databases, caches, buckets, file systems, tables, KMS keys, secrets, registries) have the Pulumi `protect` option (mandatory in enterprise).",
    severity: "medium",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "resilience",
    frameworks: [],
    remediationSteps: "Pass { protect: true } (and retainOnDelete: true) in the resource options; unprotect deliberately before a planned deletion.",
    types: STATEFUL,
    check(r) {
        return r.protect ? [] : [finding(r, `${r.name} holds data but is not protected: a pulumi destroy or a replacing change deletes it`)];
    },
};

function azsOfSubnets(g: Graph, holder: StackResource, prop: string, value: unknown): { azs: Set<string>; unknown: string | undefined; count: number } {
    const ref = g.ref(holder, prop, [AWS_TYPE.subnet], value);
    const azs = new Set<string>();
    if (ref.unknown) return { azs, unknown: prop, count: 0 };
    for (const s of ref.targets) {
        const az = asString(s.props.availabilityZone) ?? asString(s.props.availabilityZoneId);
        if (az === UNKNOWN) return { azs, unknown: "availabilityZone", count: 0 };
        if (typeof az === "string") azs.add(az);
    }
    return { azs, unknown: undefined, count: ref.targets.length + ref.external.length };
}

export const servicesMultiAz: StackRule = {
    kind: "stack",
    name: "services-multi-az",
    description: "ECS services and Auto Scaling groups run in subnets of at least minAzs (default 2) Availability Zones (enterprise: mandatory; hero: advisory).",
    severity: "high",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "resilience",
    frameworks: [...fsbp("AutoScaling.2"), ...wellArchitected("REL10-BP01")],
    remediationSteps: "Give the service subnets in at least two Availability Zones (one private subnet per AZ).",
    options: { minAzs: { type: "integer", minimum: 1, default: 2, description: "Minimum distinct Availability Zones." } },
    check(ctx) {
        const min = typeof ctx.options.minAzs === "number" ? ctx.options.minAzs : 2;
        const out: RuleFinding[] = [];
        const check = (r: StackResource, prop: string, value: unknown) => {
            if (ctx.stage(r) === "zero") return;
            const { azs, unknown, count } = azsOfSubnets(ctx.graph, r, prop, value);
            if (unknown) out.push(notEvaluated(r, unknown, `Availability Zones of ${r.name}`));
            else if (count > 0 && azs.size > 0 && azs.size < min) out.push(finding(r, `${r.name} runs in ${azs.size} Availability Zone(s) (${[...azs].join(", ")}); at least ${min} required`));
        };
        for (const svc of ctx.graph.ofType(AWS_TYPE.ecsService)) {
            const subnets = at(svc.props.networkConfiguration, "subnets");
            if (subnets !== undefined) check(svc, "networkConfiguration", subnets);
        }
        for (const asg of ctx.graph.ofType(AWS_TYPE.asg)) {
            const zones = stringsOf(asg.props.availabilityZones);
            if (zones.known.length > 0 && ctx.stage(asg) !== "zero") {
                if (new Set(zones.known).size < min) out.push(finding(asg, `${asg.name} runs in ${new Set(zones.known).size} Availability Zone(s); at least ${min} required`));
                continue;
            }
            if (asg.props.vpcZoneIdentifiers !== undefined) check(asg, "vpcZoneIdentifiers", asg.props.vpcZoneIdentifiers);
        }
        return out;
    },
};

export const instanceSnapshots: StackRule = {
    kind: "stack",
    name: "instance-snapshots",
    description: "In the zero stage, where one EC2 instance may hold data, every instance is covered by a DLM lifecycle policy or an AWS Backup selection.",
    severity: "high",
    enforcementLevel: "mandatory",
    mandatoryIn: ["zero"],
    topic: "resilience",
    frameworks: fsbp("EC2.28"),
    remediationSteps: "Add an aws.dlm.LifecyclePolicy whose targetTags match the instance's tags (daily snapshots, 7+ retained), or an aws.backup.Selection naming the instance ARN or its tags.",
    check(ctx) {
        return ctx.graph.ofType(AWS_TYPE.instance).filter((i) => ctx.stage(i) === "zero" && !snapshotView(ctx.graph).covers(i)).map((i) => finding(i, `instance ${i.name} has no snapshots: no DLM lifecycle policy or AWS Backup selection targets it`));
    },
};
