/**
 * A deterministic stand-in for the AWS provider under Pulumi's mock runtime.
 *
 * Update mode: every resource gets outputs shaped like AWS's — ids, ARNs in the resource's region, endpoints,
 * DNS names, IPv6 blocks, the ids of a VPC's defaults — from one table (`computed-outputs.ts`), so programs that
 * read them, or join resources by name or by id, run and link the way they would in the cloud. Preview mode: only
 * the inputs come back and no id, so everything the provider computes is unknown — exactly what `pulumi preview`
 * hands to policies.
 *
 * Invokes (data sources) are answered from the same table, and with a safe generic answer when it has none.
 */
import { isRecord, UNKNOWN_STRING } from "../model/wire";
import { invokeOutputs, resourceOutputs } from "./computed-outputs";
import { text } from "./output-context";
import { MOCK_ACCOUNT_ID, stableHex, stableUuid } from "./mock-ids";
import { STACK_REFERENCE_TYPE } from "./stack-references";
import type { MockCallArgs, MockCallResult, MockResourceArgs, MockResourceResult, Mocks } from "@pulumi/pulumi/runtime/mocks";

export { MOCK_ACCOUNT_ID, stableHex, stableUuid };

/** Input properties that carry the resource's physical name, by type (first match wins; default `name`). */
const NAME_INPUTS: Record<string, string[]> = {
    "aws:s3/bucket:Bucket": ["bucket"],
    "aws:s3/bucketV2:BucketV2": ["bucket"],
    "aws:rds/instance:Instance": ["identifier"],
    "aws:rds/cluster:Cluster": ["clusterIdentifier"],
    "aws:rds/clusterInstance:ClusterInstance": ["identifier"],
    "aws:elasticache/replicationGroup:ReplicationGroup": ["replicationGroupId"],
    "aws:elasticache/cluster:Cluster": ["clusterId"],
    "aws:opensearch/domain:Domain": ["domainName"],
    "aws:elasticsearch/domain:Domain": ["domainName"],
    "aws:redshift/cluster:Cluster": ["clusterIdentifier"],
    "aws:docdb/cluster:Cluster": ["clusterIdentifier"],
    "aws:neptune/cluster:Cluster": ["clusterIdentifier"],
    "aws:ecs/taskDefinition:TaskDefinition": ["family"],
    "aws:eks/nodeGroup:NodeGroup": ["nodeGroupName"],
    "aws:msk/cluster:Cluster": ["clusterName"],
    "aws:mq/broker:Broker": ["brokerName"],
    "aws:apprunner/service:Service": ["serviceName"],
    "aws:apigateway/stage:Stage": ["stageName"],
    "aws:cloudwatch/dashboard:Dashboard": ["dashboardName"],
};

/** The value as a property bag (empty when it is not one). */
function asRecord(value: unknown): Record<string, unknown> {
    return isRecord(value) ? value : {};
}

/** The name AWS knows a resource by: its name input, else Pulumi's auto-name (`<name>-<7 hex>`). */
function physicalName(args: MockResourceArgs): string {
    const inputs = asRecord(args.inputs);
    for (const key of NAME_INPUTS[args.type] ?? ["name"]) {
        const value = text(inputs[key]);
        if (value !== undefined) {
            return value;
        }
    }
    return `${args.name}-${stableHex(`${args.type}::${args.name}`, 7)}`.toLowerCase();
}

/** JSON with sorted keys: the same arguments always give the same digest. */
function canonicalJson(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
    if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        return `{${Object.keys(record).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}

/** Options for the mock provider. */
export interface AwsMockOptions {
    /** True for `pulumi preview`: providers compute nothing, ids are unknown. */
    preview: boolean;
    /** The region invokes and ARNs report when a resource has no explicit provider (`aws:region`, else us-east-1). */
    region: string;
    /** The region of an explicit provider, by provider reference (`<urn>::<id>`), when it set one. */
    providerRegion?: (reference: string | undefined) => string | undefined;
}

/** Builds the mock provider for one program run. */
export function awsMocks(options: AwsMockOptions): Mocks {
    /** A resource's own `region` (AWS provider 7), else its provider's, else the stack's. */
    const regionOf = (inputs: Record<string, unknown>, provider: string | undefined): string => text(inputs.region) ?? options.providerRegion?.(provider) ?? options.region;
    return {
        newResource(args: MockResourceArgs): MockResourceResult {
            const inputs = asRecord(args.inputs);
            if (args.type.startsWith("pulumi:providers:")) {
                // The engine gives a provider resource a random UUID; the harness a stable one of the same shape.
                return { id: options.preview ? undefined : stableUuid(`${args.type}::${args.name}`), state: inputs };
            }
            if (args.type === STACK_REFERENCE_TYPE) {
                // Another stack's outputs cannot be known offline: unknown, as in a preview (see stack-references.ts).
                return { id: args.id ?? args.name, state: { name: inputs.name ?? args.id ?? args.name, outputs: UNKNOWN_STRING, secretOutputNames: [] } };
            }
            if (options.preview || args.custom === false) {
                return { id: undefined, state: inputs };
            }
            const name = physicalName(args);
            const { id, outputs } = resourceOutputs({ type: args.type, name, inputs, region: regionOf(inputs, args.provider), account: MOCK_ACCOUNT_ID });
            return { id, state: { ...inputs, ...(inputs.name === undefined ? { name } : {}), ...outputs, tagsAll: asRecord(inputs.tags) } };
        },
        call(args: MockCallArgs): MockCallResult {
            const inputs = asRecord(args.inputs);
            const name = text(inputs.name) ?? `mock-${stableHex(`${args.token}/${canonicalJson(inputs)}`, 8)}`;
            return invokeOutputs({ type: args.token, name, inputs, region: regionOf(inputs, args.provider), account: MOCK_ACCOUNT_ID });
        },
    };
}
