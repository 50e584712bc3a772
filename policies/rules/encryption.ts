/**
 * Encryption at rest, in transit, and with customer-managed keys (enterprise). Resource policies: each
 * verdict depends on the resource's own inputs, read with provider v7 semantics and AWS's defaults (cited).
 */
import { EBS_CARRIERS, OPENSEARCH, AWS_TYPE } from "../../model/aws-types";
import type { StackResource } from "../../model/resource";
import { ownStage } from "../lib/stage";
import { finding, notEvaluated, type ResourceRule, type RuleContext, type RuleFinding, type StackRule } from "../lib/rule";
import { cisAws, fsbp } from "./frameworks";
import { asBool, asList, asNonEmpty, asString, at, UNKNOWN, type Read } from "../../model/values";

/** `flag` must be true; `fallback` is AWS's/the provider's default when it is unset. */
function mustBeTrue(r: StackResource, what: string, prop: string, value: Read<boolean>, fallback: boolean, defaultNote: string): RuleFinding[] {
    if (value === UNKNOWN) return [notEvaluated(r, prop, what)];
    const effective = value ?? fallback;
    if (effective) return [];
    return [finding(r, value === undefined ? `${what}: ${prop} is not set and ${defaultNote}` : `${what}: ${prop} = false`)];
}

function deviceName(mapping: unknown, index: number): string {
    const name = asString(at(mapping, "deviceName"));
    return typeof name === "string" ? name : `#${index}`;
}

/** EBS block devices of instances, launch templates and launch configurations. */
function blockDevices(r: StackResource, byDefault: boolean): RuleFinding[] {
    // Without explicit encryption a volume follows its snapshot/AMI and the account's "EBS encryption by default"
    // setting, which is off unless enabled (https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html).
    const note = "the volume is encrypted only if the AMI snapshot or the account's EBS encryption-by-default is (off unless enabled: declare an aws.ebs.EncryptionByDefault in the stack, or set option ebsEncryptionByDefault if your accounts enforce it)";
    const out: RuleFinding[] = [];
    const check = (label: string, prop: string, value: unknown) => out.push(...mustBeTrue(r, `${label} of ${r.name}`, prop, asBool(value), byDefault, note));
    if (r.type === AWS_TYPE.launchTemplate) {
        const mappings = asList(r.props.blockDeviceMappings);
        if (mappings === UNKNOWN) return [notEvaluated(r, "blockDeviceMappings", `volumes of ${r.name}`)];
        (mappings ?? []).forEach((m, i) => {
            if (at(m, "ebs") !== undefined) check(`EBS volume ${deviceName(m, i)}`, `blockDeviceMappings[${i}].ebs.encrypted`, at(m, "ebs", "encrypted"));
        });
        if ((mappings ?? []).length === 0 && !byDefault && asNonEmpty(r.props.imageId) !== undefined) {
            out.push(finding(r, `launch template ${r.name} sets no blockDeviceMappings, so its root volume is encrypted only if the AMI snapshot or the account default is`));
        }
        return out;
    }
    const root = r.props.rootBlockDevice;
    if (root === undefined) {
        if (!byDefault) out.push(finding(r, `root volume of ${r.name}: rootBlockDevice is not set and ${note}`));
    } else {
        check("root volume", "rootBlockDevice.encrypted", at(root, "encrypted"));
    }
    const ebs = asList(r.props.ebsBlockDevices);
    if (ebs === UNKNOWN) return [...out, notEvaluated(r, "ebsBlockDevices", `volumes of ${r.name}`)];
    (ebs ?? []).forEach((d, i) => check(`EBS volume ${deviceName(d, i)}`, `ebsBlockDevices[${i}].encrypted`, at(d, "encrypted")));
    return out;
}

/** The EBS volumes a resource creates: a volume, or an instance's / launch template's / launch configuration's devices. */
function ebsVolumes(r: StackResource, byDefault: boolean): RuleFinding[] {
    if (r.type === AWS_TYPE.ebsVolume) {
        return mustBeTrue(r, `EBS volume ${r.name}`, "encrypted", asBool(r.props.encrypted), byDefault, "EBS volumes are unencrypted unless the account enables encryption by default");
    }
    return blockDevices(r, byDefault);
}

function atRest(r: StackResource): RuleFinding[] {
    const p = r.props;
    switch (r.type) {
        case AWS_TYPE.rdsInstance:
            // A read replica inherits the source's encryption.
            if (p.replicateSourceDb !== undefined) return [];
            return mustBeTrue(r, `RDS instance ${r.name}`, "storageEncrypted", asBool(p.storageEncrypted), false, "the provider's default is false");
        case AWS_TYPE.rdsCluster: {
            // Default: false for provisioned engineMode, true for serverless (provider v7 docs).
            const mode = asString(p.engineMode);
            if (mode === UNKNOWN && p.storageEncrypted === undefined) return [notEvaluated(r, "engineMode", `storage encryption of ${r.name}`)];
            return mustBeTrue(r, `RDS cluster ${r.name}`, "storageEncrypted", asBool(p.storageEncrypted), mode === "serverless", "the default is false for provisioned clusters");
        }
        case AWS_TYPE.docdbCluster:
            return mustBeTrue(r, `DocumentDB cluster ${r.name}`, "storageEncrypted", asBool(p.storageEncrypted), false, "the default is false");
        case AWS_TYPE.neptuneCluster:
            return mustBeTrue(r, `Neptune cluster ${r.name}`, "storageEncrypted", asBool(p.storageEncrypted), false, "the default is false");
        case AWS_TYPE.redshiftCluster:
            // `encrypted` is a string-typed boolean in provider v7; "Default is `true`".
            return mustBeTrue(r, `Redshift cluster ${r.name}`, "encrypted", asBool(p.encrypted), true, "");
        case AWS_TYPE.cacheReplicationGroup: {
            // "When engine is redis, default is false. When engine is valkey, default is true." (provider v7)
            const engine = asString(p.engine);
            if (engine === UNKNOWN && p.atRestEncryptionEnabled === undefined) return [notEvaluated(r, "engine", `at-rest encryption of ${r.name}`)];
            return mustBeTrue(r, `ElastiCache replication group ${r.name}`, "atRestEncryptionEnabled", asBool(p.atRestEncryptionEnabled), engine === "valkey", "the default is false for the redis engine");
        }
        case AWS_TYPE.opensearchDomain:
        case AWS_TYPE.elasticsearchDomain:
            // "If the encryptAtRest block is not provided then this defaults to false."
            return mustBeTrue(r, `search domain ${r.name}`, "encryptAtRest.enabled", asBool(at(p.encryptAtRest, "enabled")), false, "the default is false");
        case AWS_TYPE.efsFileSystem:
            return mustBeTrue(r, `EFS file system ${r.name}`, "encrypted", asBool(p.encrypted), false, "the API default is unencrypted");
        case AWS_TYPE.kinesisStream: {
            const type = asString(p.encryptionType);
            if (type === UNKNOWN) return [notEvaluated(r, "encryptionType", `encryption of stream ${r.name}`)];
            return type === "KMS" ? [] : [finding(r, `Kinesis stream ${r.name}: encryptionType is ${type ?? "not set (default NONE)"}`)];
        }
        case AWS_TYPE.snsTopic: {
            // SNS topics are not encrypted unless a KMS key is set (https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html).
            const key = asNonEmpty(p.kmsMasterKeyId);
            if (key === UNKNOWN) return [];
            return key === undefined ? [finding(r, `SNS topic ${r.name} has no kmsMasterKeyId, so messages are stored unencrypted`)] : [];
        }
        case AWS_TYPE.sqsQueue: {
            // SSE-SQS is on by default for queues created since Oct 2022
            // (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html);
            // only an explicit false without a KMS key turns it off.
            const kms = asNonEmpty(p.kmsMasterKeyId);
            const managed = asBool(p.sqsManagedSseEnabled);
            if (kms !== undefined) return [];
            if (managed === UNKNOWN) return [notEvaluated(r, "sqsManagedSseEnabled", `encryption of queue ${r.name}`)];
            return managed === false ? [finding(r, `SQS queue ${r.name} turns SSE off (sqsManagedSseEnabled = false, no kmsMasterKeyId)`)] : [];
        }
        default:
            return [];
    }
}

export const storageEncryptedAtRest: ResourceRule = {
    kind: "resource",
    name: "storage-encrypted-at-rest",
    description: "Databases, caches, search domains, file systems, streams, topics and queues are encrypted at rest (EBS volumes: ebs-encrypted-at-rest).",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "encryption",
    frameworks: fsbp("RDS.3", "RDS.27", "DocumentDB.1", "Neptune.1", "Redshift.10", "ElastiCache.4", "Opensearch.1", "EFS.1", "Kinesis.1", "SNS.1", "SQS.1"),
    remediationSteps: "Turn encryption on (encrypted / storageEncrypted / atRestEncryptionEnabled / encryptAtRest.enabled = true, encryptionType = \"KMS\", kmsMasterKeyId for SNS). For existing databases, restore from an encrypted snapshot copy.",
    types: [AWS_TYPE.rdsInstance, AWS_TYPE.rdsCluster, AWS_TYPE.docdbCluster, AWS_TYPE.neptuneCluster, AWS_TYPE.redshiftCluster, AWS_TYPE.cacheReplicationGroup, ...OPENSEARCH, AWS_TYPE.efsFileSystem, AWS_TYPE.kinesisStream, AWS_TYPE.snsTopic, AWS_TYPE.sqsQueue],
    check: atRest,
    remediate(props, r) {
        if (r.type === AWS_TYPE.sqsQueue && asBool(props.sqsManagedSseEnabled) === false && asNonEmpty(props.kmsMasterKeyId) === undefined) {
            return { ...props, sqsManagedSseEnabled: true };
        }
        return undefined;
    },
};

/** The regions (`regionOf`) where the stack turns on EBS encryption by default. */
function encryptionByDefaultRegions(ctx: RuleContext): { regions: Set<string>; unknown: boolean } {
    const regions = new Set<string>();
    let unknown = false;
    for (const setting of ctx.graph.ofType(AWS_TYPE.ebsEncryptionByDefault)) {
        // `enabled` defaults to true (provider v7: "Whether or not default EBS encryption is enabled. Defaults to true.").
        const enabled = asBool(setting.props.enabled);
        if (enabled === UNKNOWN) unknown = true;
        else if (enabled !== false) regions.add(regionOf(setting));
    }
    return { regions, unknown };
}

/** A resource's region as the cost model reads it: its own `region` (provider 7), else its explicit provider's; "" for the default provider's. */
function regionOf(r: StackResource): string {
    for (const value of [r.props.region, r.providerProps?.region]) {
        const region = asString(value);
        if (typeof region === "string" && region !== "") return region;
    }
    return "";
}

export const ebsEncryptedAtRest: StackRule = {
    kind: "stack",
    name: "ebs-encrypted-at-rest",
    description: "EBS volumes (volumes, instance root and data devices, launch templates and configurations) are encrypted at rest, explicitly or by the account's EBS encryption by default declared in the stack.",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "encryption",
    frameworks: [...fsbp("EC2.3", "EC2.7"), ...cisAws("1.4", "2.2.1")],
    remediationSteps: "Set encrypted: true on the volume (rootBlockDevice / ebsBlockDevices / blockDeviceMappings[].ebs), or declare aws.ebs.EncryptionByDefault({ enabled: true }) in the same region, or set option ebsEncryptionByDefault when your accounts enforce it outside the stack.",
    options: { ebsEncryptionByDefault: { type: "boolean", default: false, description: "Your accounts enforce EBS encryption by default outside this stack, so unset EBS encryption is compliant." } },
    check(ctx) {
        const { regions, unknown } = encryptionByDefaultRegions(ctx);
        const out: RuleFinding[] = [];
        for (const r of ctx.graph.ofType(...EBS_CARRIERS)) {
            const byDefault = ctx.options.ebsEncryptionByDefault === true || regions.has(regionOf(r));
            const findings = ebsVolumes(r, byDefault);
            // An EncryptionByDefault whose `enabled` is unknown may cover this resource: say so rather than block.
            const undecided = unknown && !byDefault && findings.some((f) => f.status !== "notEvaluated");
            out.push(...(undecided ? [notEvaluated(r, "enabled", `EBS encryption of ${r.name} (an aws.ebs.EncryptionByDefault in the stack is unknown)`)] : findings));
        }
        return out;
    },
};

function inTransit(r: StackResource): RuleFinding[] {
    const p = r.props;
    switch (r.type) {
        case AWS_TYPE.cacheReplicationGroup:
            return mustBeTrue(r, `ElastiCache replication group ${r.name}`, "transitEncryptionEnabled", asBool(p.transitEncryptionEnabled), false, "the default is false");
        case AWS_TYPE.cacheCluster: {
            if (p.replicationGroupId !== undefined) return []; // a member: the replication group decides
            const engine = asString(p.engine);
            if (engine === UNKNOWN) return [notEvaluated(r, "engine", `in-transit encryption of ${r.name}`)];
            if (engine === "memcached") return mustBeTrue(r, `ElastiCache cluster ${r.name}`, "transitEncryptionEnabled", asBool(p.transitEncryptionEnabled), false, "the default is false");
            // Redis/Valkey single-node clusters cannot enable TLS here (provider v7 docs): use a replication group.
            return [finding(r, `ElastiCache ${engine ?? "redis"} cluster ${r.name} cannot encrypt in transit; use an aws.elasticache.ReplicationGroup with transitEncryptionEnabled`)];
        }
        case AWS_TYPE.memorydbCluster:
            // "Defaults to true."
            return mustBeTrue(r, `MemoryDB cluster ${r.name}`, "tlsEnabled", asBool(p.tlsEnabled), true, "");
        case AWS_TYPE.opensearchDomain:
        case AWS_TYPE.elasticsearchDomain:
            return [
                ...mustBeTrue(r, `search domain ${r.name}`, "nodeToNodeEncryption.enabled", asBool(at(p.nodeToNodeEncryption, "enabled")), false, "the default is false"),
                // "Whether or not to require HTTPS. Defaults to true."
                ...mustBeTrue(r, `search domain ${r.name}`, "domainEndpointOptions.enforceHttps", asBool(at(p.domainEndpointOptions, "enforceHttps")), true, ""),
            ];
        default:
            return [];
    }
}

export const dataEncryptedInTransit: ResourceRule = {
    kind: "resource",
    name: "data-encrypted-in-transit",
    description: "Caches and search domains encrypt traffic in transit (TLS, node-to-node encryption, HTTPS only).",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "encryption",
    frameworks: fsbp("ElastiCache.5", "Opensearch.3", "Opensearch.8", "ES.3", "ES.8"),
    remediationSteps: "Set transitEncryptionEnabled = true (ElastiCache replication group), tlsEnabled = true (MemoryDB), nodeToNodeEncryption.enabled and domainEndpointOptions.enforceHttps = true (OpenSearch).",
    types: [AWS_TYPE.cacheReplicationGroup, AWS_TYPE.cacheCluster, AWS_TYPE.memorydbCluster, ...OPENSEARCH],
    check: inTransit,
};

function cmk(r: StackResource, ctx: RuleContext): RuleFinding[] {
    if (ctx.stage(r) !== "enterprise") return [];
    const p = r.props;
    // Enterprise rules apply either because something says enterprise, or as the strict profile of a program that says nothing.
    const profile = ctx.settings.stage !== undefined || ownStage(r) !== undefined ? "the enterprise profile" : "the strict profile (enterprise rules, for a program that names no stage)";
    const need = (prop: string, value: unknown, what: string): RuleFinding[] => {
        const v = asNonEmpty(value);
        if (v === UNKNOWN) return [];
        return v === undefined ? [finding(r, `${what} ${r.name} is encrypted with an AWS-owned or AWS-managed key; ${profile} requires a customer-managed KMS key (${prop})`)] : [];
    };
    switch (r.type) {
        case AWS_TYPE.logGroup:
            // Log groups are always encrypted by CloudWatch Logs; kmsKeyId makes it a key you control.
            return need("kmsKeyId", p.kmsKeyId, "log group");
        case AWS_TYPE.dynamoTable: {
            // Tables are always encrypted with an AWS-owned key; enabled without kmsKeyArn uses aws/dynamodb (AWS managed).
            const enabled = asBool(at(p.serverSideEncryption, "enabled"));
            if (enabled === UNKNOWN) return [notEvaluated(r, "serverSideEncryption", `key of table ${r.name}`)];
            return enabled === true ? need("serverSideEncryption.kmsKeyArn", at(p.serverSideEncryption, "kmsKeyArn"), "DynamoDB table") : need("serverSideEncryption", undefined, "DynamoDB table");
        }
        case AWS_TYPE.secret:
            return need("kmsKeyId", p.kmsKeyId, "secret");
        default:
            return [];
    }
}

export const customerManagedKeys: ResourceRule = {
    kind: "resource",
    name: "storage-customer-managed-keys",
    description: "In the enterprise profile, log groups, DynamoDB tables and secrets use customer-managed KMS keys.",
    severity: "medium",
    enforcementLevel: "mandatory",
    topic: "encryption",
    frameworks: [],
    remediationSteps: "Create an aws.kms.Key with rotation and set kmsKeyId (log group, secret) or serverSideEncryption: { enabled: true, kmsKeyArn } (DynamoDB).",
    types: [AWS_TYPE.logGroup, AWS_TYPE.dynamoTable, AWS_TYPE.secret],
    check: cmk,
};
