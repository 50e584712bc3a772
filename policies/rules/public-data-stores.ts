/**
 * Data stores reachable from the internet: the public flag, world-open security groups, and a network path
 * (subnet group → subnets → route table, explicit or the VPC's main table → route → internet gateway).
 * A stack policy over the graph: in preview, ids are unknown and the engine's propertyDependencies decide.
 */
import { networkView, describeRoute } from "../graph/network";
import { securityView, describePorts } from "../graph/security";
import { OPENSEARCH, SECURITY_GROUPS, AWS_TYPE } from "../../model/aws-types";
import type { StackResource } from "../../model/resource";
import { finding, notEvaluated, type RuleContext, type RuleFinding, type StackRule } from "../lib/rule";
import { cisAws, fsbp } from "./frameworks";
import { asBool, asRecord, at, UNKNOWN } from "../../model/values";

interface StoreSpec {
    /** Human kind, for messages. */
    kind: string;
    /**
     * The public-access flag. Unset means `false` for every type listed: the provider sends `false` by default
     * (RDS `publiclyAccessible`: "Default is false"; Redshift: "Default is `false`" — provider v7 docs).
     */
    publicFlag?: string;
    subnetGroup?: { prop: string; types: string[] };
    /** Subnets named directly (no subnet group). */
    subnets?: (r: StackResource) => { prop: string; value: unknown } | undefined;
    securityGroups: (r: StackResource) => { prop: string; value: unknown } | undefined;
}

const direct = (prop: string) => (r: StackResource) => ({ prop, value: r.props[prop] });
const vpcOption = (key: string) => (r: StackResource) => {
    const vpc = asRecord(r.props.vpcOptions);
    return vpc === undefined ? undefined : { prop: "vpcOptions", value: vpc === UNKNOWN ? UNKNOWN : at(vpc, key) };
};

export const DATA_STORES: Record<string, StoreSpec> = {
    [AWS_TYPE.rdsInstance]: { kind: "RDS instance", publicFlag: "publiclyAccessible", subnetGroup: { prop: "dbSubnetGroupName", types: [AWS_TYPE.rdsSubnetGroup] }, securityGroups: direct("vpcSecurityGroupIds") },
    [AWS_TYPE.rdsCluster]: { kind: "RDS cluster", publicFlag: "publiclyAccessible", subnetGroup: { prop: "dbSubnetGroupName", types: [AWS_TYPE.rdsSubnetGroup] }, securityGroups: direct("vpcSecurityGroupIds") },
    [AWS_TYPE.rdsClusterInstance]: { kind: "Aurora instance", publicFlag: "publiclyAccessible", subnetGroup: { prop: "dbSubnetGroupName", types: [AWS_TYPE.rdsSubnetGroup] }, securityGroups: () => undefined },
    [AWS_TYPE.docdbCluster]: { kind: "DocumentDB cluster", subnetGroup: { prop: "dbSubnetGroupName", types: [AWS_TYPE.docdbSubnetGroup] }, securityGroups: direct("vpcSecurityGroupIds") },
    [AWS_TYPE.neptuneCluster]: { kind: "Neptune cluster", subnetGroup: { prop: "neptuneSubnetGroupName", types: [AWS_TYPE.neptuneSubnetGroup] }, securityGroups: direct("vpcSecurityGroupIds") },
    [AWS_TYPE.redshiftCluster]: { kind: "Redshift cluster", publicFlag: "publiclyAccessible", subnetGroup: { prop: "clusterSubnetGroupName", types: [AWS_TYPE.redshiftSubnetGroup] }, securityGroups: direct("vpcSecurityGroupIds") },
    [AWS_TYPE.cacheCluster]: { kind: "ElastiCache cluster", subnetGroup: { prop: "subnetGroupName", types: [AWS_TYPE.cacheSubnetGroup] }, securityGroups: direct("securityGroupIds") },
    [AWS_TYPE.cacheReplicationGroup]: { kind: "ElastiCache replication group", subnetGroup: { prop: "subnetGroupName", types: [AWS_TYPE.cacheSubnetGroup] }, securityGroups: direct("securityGroupIds") },
    [AWS_TYPE.cacheServerless]: { kind: "ElastiCache serverless cache", subnets: direct("subnetIds"), securityGroups: direct("securityGroupIds") },
    [AWS_TYPE.memorydbCluster]: { kind: "MemoryDB cluster", subnetGroup: { prop: "subnetGroupName", types: [AWS_TYPE.memorydbSubnetGroup] }, securityGroups: direct("securityGroupIds") },
    [AWS_TYPE.opensearchDomain]: { kind: "OpenSearch domain", subnets: vpcOption("subnetIds"), securityGroups: vpcOption("securityGroupIds") },
    [AWS_TYPE.elasticsearchDomain]: { kind: "Elasticsearch domain", subnets: vpcOption("subnetIds"), securityGroups: vpcOption("securityGroupIds") },
};

function publicFlag(store: StackResource, spec: StoreSpec): RuleFinding[] {
    if ((OPENSEARCH as readonly string[]).includes(store.type)) {
        const vpc = asRecord(store.props.vpcOptions);
        if (vpc === UNKNOWN) return [notEvaluated(store, "vpcOptions", `${spec.kind} ${store.name} endpoint type`)];
        // No vpcOptions: the domain gets a public endpoint (https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html).
        return vpc === undefined ? [finding(store, `${spec.kind} ${store.name} has no vpcOptions, so its endpoint is public on the internet`, { path: [store.name, "public endpoint"] })] : [];
    }
    if (!spec.publicFlag) return [];
    const flag = asBool(store.props[spec.publicFlag]);
    if (flag === UNKNOWN) return [notEvaluated(store, spec.publicFlag, `${spec.kind} ${store.name} public access`)];
    return flag === true ? [finding(store, `${spec.kind} ${store.name} has ${spec.publicFlag} = true: it gets a public IP address`, { path: [store.name, `${spec.publicFlag} = true`] })] : [];
}

function openSecurityGroups(store: StackResource, spec: StoreSpec, ctx: RuleContext): RuleFinding[] {
    const sgs = spec.securityGroups(store);
    if (!sgs) return [];
    const ref = ctx.graph.ref(store, sgs.prop, SECURITY_GROUPS, sgs.value);
    if (ref.unknown) return [notEvaluated(store, sgs.prop, `security groups of ${spec.kind} ${store.name}`)];
    const view = securityView(ctx.graph);
    const out: RuleFinding[] = [];
    for (const sg of ref.targets) {
        for (const rule of view.ingressOf(sg)) {
            if (rule.world.length > 0) {
                const where = rule.declaredBy === sg ? `inline ${rule.property}` : `rule ${rule.declaredBy.name}`;
                out.push(finding(store, `${spec.kind} ${store.name} accepts ${describePorts(rule)} from ${rule.world.join(" and ")} through security group ${sg.name}`, {
                    path: [store.name, `security group ${sg.name}`, where, `${rule.world.join(", ")} ${describePorts(rule)}`],
                }));
            } else if (rule.cidrUnknown) {
                out.push(notEvaluated(rule.declaredBy, rule.property, `ingress source of security group ${sg.name} (attached to ${store.name})`));
            }
        }
    }
    return out;
}

function networkPath(store: StackResource, spec: StoreSpec, ctx: RuleContext): RuleFinding[] {
    const g = ctx.graph;
    const hops: string[] = [store.name];
    let subnetsRef;
    if (spec.subnetGroup) {
        const value = store.props[spec.subnetGroup.prop];
        if (value === undefined) return []; // the account's default subnet group: outside this stack
        const group = g.ref(store, spec.subnetGroup.prop, spec.subnetGroup.types);
        if (group.unknown) return [notEvaluated(store, spec.subnetGroup.prop, `network path of ${spec.kind} ${store.name}`)];
        const sg = group.targets[0];
        if (!sg) return [];
        hops.push(`subnet group ${sg.name}`);
        subnetsRef = g.ref(sg, "subnetIds", [AWS_TYPE.subnet]);
        if (subnetsRef.unknown) return [notEvaluated(sg, "subnetIds", `network path of ${spec.kind} ${store.name}`)];
    } else {
        const direct = spec.subnets?.(store);
        if (!direct) return [];
        subnetsRef = g.ref(store, direct.prop, [AWS_TYPE.subnet], direct.value);
        if (subnetsRef.unknown) return [notEvaluated(store, direct.prop, `network path of ${spec.kind} ${store.name}`)];
    }
    const view = networkView(g);
    const publicSubnets: string[] = [];
    let first: string[] | undefined;
    for (const subnet of subnetsRef.targets) {
        const v = view.subnet(subnet);
        if (v.kind === "unknown") return [notEvaluated(v.resource, v.property, `route of subnet ${subnet.name} (used by ${store.name})`)];
        if (v.kind === "internet") {
            publicSubnets.push(subnet.name);
            first ??= [...hops, `subnet ${subnet.name}`, ...describeRoute(v)];
        }
    }
    if (!first) return [];
    return [finding(store, `${spec.kind} ${store.name} sits in subnet${publicSubnets.length > 1 ? "s" : ""} ${publicSubnets.join(", ")} whose route table sends traffic to an internet gateway: ${first.join(" → ")}`, { path: first })];
}

export const noPublicDataStores: StackRule = {
    kind: "stack",
    name: "no-public-data-stores",
    description: "Databases, caches and search domains must not be reachable from the internet (public flag, world-open security group, or a subnet routed to an internet gateway).",
    severity: "critical",
    enforcementLevel: "mandatory",
    neverWaivable: true,
    topic: "network",
    frameworks: [...fsbp("RDS.2", "RDS.9", "Redshift.1", "Opensearch.2", "ES.2", "EC2.19"), ...cisAws("3.0", "5.2")],
    remediationSteps:
        "Put the data store in private subnets (route tables with no route to an internet gateway; use a NAT gateway for egress), set publiclyAccessible = false, give OpenSearch domains vpcOptions, and allow ingress only from the application's security group.",
    check(ctx) {
        const out: RuleFinding[] = [];
        for (const [type, spec] of Object.entries(DATA_STORES)) {
            for (const store of ctx.graph.ofType(type)) {
                out.push(...publicFlag(store, spec), ...openSecurityGroups(store, spec, ctx), ...networkPath(store, spec, ctx));
            }
        }
        return out;
    },
};
