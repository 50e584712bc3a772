/**
 * A deterministic stand-in for the AWS provider under Pulumi's mock runtime.
 *
 * Update mode: every resource gets outputs shaped like AWS's (a bucket's id is its name, security groups are
 * `sg-…`, ARNs are well-formed), so programs that join resources by name or by id link the same way they would
 * in the cloud. Preview mode: only the inputs come back and no id, so everything the provider computes is
 * unknown — exactly what `pulumi preview` hands to policies.
 *
 * Invokes (data sources) get plausible answers for the common ones and a safe generic answer for the rest.
 */
import { createHash } from "crypto";
import { UNKNOWN_STRING } from "../policies/lib/wire";
import { STACK_REFERENCE_TYPE } from "./stack-references";
import type { MockCallArgs, MockCallResult, MockResourceArgs, MockResourceResult, Mocks } from "@pulumi/pulumi/runtime/mocks";


/** The account every mocked ARN belongs to. */
export const MOCK_ACCOUNT_ID = "123456789012";

/** Short stable hex derived from a seed (the same program always gets the same ids). */
export function stableHex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** A UUID-shaped id derived from a seed (the shape of the ids the engine gives provider resources). */
export function stableUuid(seed: string): string {
    const hex = stableHex(seed, 32);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** EC2-style id prefixes: the AWS id of these resources is an opaque `<prefix>-<hex>`. */
const EC2_ID_PREFIXES: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": "eigw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/defaultRouteTable:DefaultRouteTable": "rtb",
    "aws:ec2/routeTableAssociation:RouteTableAssociation": "rtbassoc",
    "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation": "rtbassoc",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ec2/volume:Volume": "vol",
    "aws:ec2/networkInterface:NetworkInterface": "eni",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:ec2/flowLog:FlowLog": "fl",
    "aws:ec2/transitGateway:TransitGateway": "tgw",
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": "pcx",
    "aws:ec2/networkAcl:NetworkAcl": "acl",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": "acl",
    "aws:ec2/route:Route": "r",
    "aws:ec2/securityGroupRule:SecurityGroupRule": "sgrule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
    "aws:guardduty/detector:Detector": "",
};

/** Input properties that carry the resource's physical name, by type (first match wins). */
const NAME_INPUTS: Record<string, string[]> = {
    "aws:s3/bucket:Bucket": ["bucket"],
    "aws:s3/bucketV2:BucketV2": ["bucket"],
    "aws:rds/instance:Instance": ["identifier"],
    "aws:rds/cluster:Cluster": ["clusterIdentifier"],
    "aws:rds/clusterInstance:ClusterInstance": ["identifier"],
    "aws:elasticache/replicationGroup:ReplicationGroup": ["replicationGroupId"],
    "aws:elasticache/cluster:Cluster": ["clusterId"],
    "aws:lambda/function:Function": ["name"],
    "aws:opensearch/domain:Domain": ["domainName"],
    "aws:elasticsearch/domain:Domain": ["domainName"],
    "aws:redshift/cluster:Cluster": ["clusterIdentifier"],
    "aws:docdb/cluster:Cluster": ["clusterIdentifier"],
    "aws:neptune/cluster:Cluster": ["clusterIdentifier"],
};

/** Types whose auto-generated physical name has no random suffix in AWS terms but a Pulumi one. */
function physicalName(args: MockResourceArgs): string {
    const inputs = asRecord(args.inputs);
    for (const key of NAME_INPUTS[args.type] ?? ["name"]) {
        const value = inputs[key];
        if (typeof value === "string" && value.length > 0) {
            return value;
        }
    }
    return `${args.name}-${stableHex(`${args.type}::${args.name}`, 7)}`.toLowerCase();
}

/** `aws:s3/bucket:Bucket` → `s3`; `aws:lb/loadBalancer:LoadBalancer` → `elasticloadbalancing`. */
function arnService(type: string): string {
    const module = type.split(":")[1]?.split("/")[0] ?? "unknown";
    const services: Record<string, string> = {
        lb: "elasticloadbalancing",
        alb: "elasticloadbalancing",
        elb: "elasticloadbalancing",
        cloudwatch: "logs",
        appautoscaling: "application-autoscaling",
        budgets: "budgets",
        wafv2: "wafv2",
        cloudfront: "cloudfront",
        ecr: "ecr",
        iam: "iam",
    };
    return services[module] ?? module;
}

/** A well-formed ARN for the resource; global services carry no region, S3 carries neither region nor account. */
function arnFor(type: string, region: string, name: string): string {
    const service = arnService(type);
    const kind = (type.split(":")[2] ?? "resource").replace(/^[A-Z]/, (c) => c.toLowerCase());
    if (service === "s3") {
        return `arn:aws:s3:::${name}`;
    }
    if (service === "iam" || service === "cloudfront") {
        return `arn:aws:${service}::${MOCK_ACCOUNT_ID}:${kind}/${name}`;
    }
    if (type === "aws:cloudwatch/logGroup:LogGroup") {
        return `arn:aws:logs:${region}:${MOCK_ACCOUNT_ID}:log-group:${name}`;
    }
    if (type === "aws:sqs/queue:Queue" || type === "aws:sns/topic:Topic") {
        return `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${name}`;
    }
    return `arn:aws:${service}:${region}:${MOCK_ACCOUNT_ID}:${kind}/${name}`;
}

function asRecord(value: unknown): Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The computed outputs a resource of this type has in AWS, beyond its inputs. */
function computedOutputs(type: string, name: string, id: string, arn: string, region: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (type) {
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2":
            return {
                bucket: name,
                bucketDomainName: `${name}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${name}.s3.${region}.amazonaws.com`,
                region,
            };
        case "aws:rds/instance:Instance":
            return { identifier: name, address: `${name}.abc123.${region}.rds.amazonaws.com`, endpoint: `${name}.abc123.${region}.rds.amazonaws.com:5432`, port: 5432, resourceId: `db-${stableHex(name, 20).toUpperCase()}` };
        case "aws:rds/cluster:Cluster":
            return { clusterIdentifier: name, endpoint: `${name}.cluster-abc123.${region}.rds.amazonaws.com`, readerEndpoint: `${name}.cluster-ro-abc123.${region}.rds.amazonaws.com`, port: 5432, clusterResourceId: `cluster-${stableHex(name, 20).toUpperCase()}` };
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return { primaryEndpointAddress: `master.${name}.abc123.use1.cache.amazonaws.com`, readerEndpointAddress: `replica.${name}.abc123.use1.cache.amazonaws.com` };
        case "aws:lb/loadBalancer:LoadBalancer":
        case "aws:alb/loadBalancer:LoadBalancer":
            return { dnsName: `${name}-1234567890.${region}.elb.amazonaws.com`, arnSuffix: `app/${name}/${stableHex(name, 16)}`, zoneId: "Z35SXDOTRQ7X7K" };
        case "aws:lb/targetGroup:TargetGroup":
        case "aws:alb/targetGroup:TargetGroup":
            return { arnSuffix: `targetgroup/${name}/${stableHex(name, 16)}` };
        case "aws:cloudfront/distribution:Distribution":
            return { domainName: `${stableHex(name, 14)}.cloudfront.net`, hostedZoneId: "Z2FDTNDATAQYW2", etag: stableHex(name, 13).toUpperCase() };
        case "aws:sqs/queue:Queue":
            return { url: id, name };
        case "aws:ecr/repository:Repository":
            return { repositoryUrl: `${MOCK_ACCOUNT_ID}.dkr.ecr.${region}.amazonaws.com/${name}`, registryId: MOCK_ACCOUNT_ID };
        case "aws:kms/key:Key":
            return { keyId: id };
        case "aws:ec2/eip:Eip":
            return { publicIp: "203.0.113.10", allocationId: id };
        case "aws:ec2/instance:Instance":
            return { privateIp: "10.0.1.10", publicIp: "", primaryNetworkInterfaceId: `eni-${stableHex(name, 17)}` };
        case "aws:ecs/cluster:Cluster":
        case "aws:ecs/service:Service":
            return { name };
        case "aws:ecs/taskDefinition:TaskDefinition":
            return { revision: 1, arnWithoutRevision: arn };
        case "aws:acm/certificate:Certificate":
            return { status: "ISSUED", domainValidationOptions: [] };
        case "random:index/randomPassword:RandomPassword":
        case "random:index/randomString:RandomString":
            return { result: stableHex(`${name}/result`, Number(inputs.length ?? 32)) };
        case "random:index/randomId:RandomId":
            return { hex: stableHex(`${name}/hex`, Number(inputs.byteLength ?? 8) * 2) };
        case "aws:ec2/vpc:Vpc":
            return { mainRouteTableId: `rtb-${stableHex(`${name}/main`, 17)}`, defaultRouteTableId: `rtb-${stableHex(`${name}/main`, 17)}`, defaultSecurityGroupId: `sg-${stableHex(`${name}/default`, 17)}`, defaultNetworkAclId: `acl-${stableHex(`${name}/acl`, 17)}` };
        default:
            return {};
    }
}

/** The AWS-style id of a resource, as the provider would return it. */
function physicalId(type: string, name: string, arn: string, region: string): string {
    const prefix = EC2_ID_PREFIXES[type];
    if (prefix !== undefined) {
        return prefix === "" ? stableHex(name, 32) : `${prefix}-${stableHex(`${type}/${name}`, 17)}`;
    }
    switch (type) {
        case "aws:sqs/queue:Queue":
            return `https://sqs.${region}.amazonaws.com/${MOCK_ACCOUNT_ID}/${name}`;
        case "aws:ecs/cluster:Cluster":
        case "aws:ecs/taskDefinition:TaskDefinition":
        case "aws:lb/loadBalancer:LoadBalancer":
        case "aws:alb/loadBalancer:LoadBalancer":
        case "aws:lb/targetGroup:TargetGroup":
        case "aws:alb/targetGroup:TargetGroup":
        case "aws:lb/listener:Listener":
        case "aws:alb/listener:Listener":
        case "aws:sns/topic:Topic":
        case "aws:secretsmanager/secret:Secret":
        case "aws:wafv2/webAcl:WebAcl":
            return arn;
        case "aws:kms/key:Key":
            return `${stableHex(`${name}/1`, 8)}-${stableHex(`${name}/2`, 4)}-${stableHex(`${name}/3`, 4)}-${stableHex(`${name}/4`, 4)}-${stableHex(`${name}/5`, 12)}`;
        case "aws:cloudfront/distribution:Distribution":
            return `E${stableHex(name, 13).toUpperCase()}`;
        default:
            return name;
    }
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

/** Answers for invokes (data sources), by token. Anything not listed gets `genericInvokeResult`. */
function invokeResult(token: string, inputs: Record<string, unknown>, region: string): MockCallResult {
    const zones = ["a", "b", "c", "d", "e", "f"].map((z) => `${region}${z}`);
    switch (token) {
        case "aws:index/getAvailabilityZones:getAvailabilityZones":
            return { id: region, names: zones, zoneIds: zones.map((_, i) => `use1-az${i + 1}`), state: "available", groupNames: [region] };
        case "aws:index/getCallerIdentity:getCallerIdentity":
            return { id: MOCK_ACCOUNT_ID, accountId: MOCK_ACCOUNT_ID, arn: `arn:aws:iam::${MOCK_ACCOUNT_ID}:user/runway-plan`, userId: "AIDAMOCKUSER" };
        case "aws:index/getRegion:getRegion":
            return { id: region, name: region, region, description: region, endpoint: `ec2.${region}.amazonaws.com` };
        case "aws:index/getPartition:getPartition":
            return { id: "aws", partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
        case "aws:ec2/getVpc:getVpc":
            return { id: "vpc-0default0000000", arn: `arn:aws:ec2:${region}:${MOCK_ACCOUNT_ID}:vpc/vpc-0default0000000`, cidrBlock: "172.31.0.0/16", default: true, mainRouteTableId: "rtb-0default000000", state: "available" };
        case "aws:ec2/getSubnets:getSubnets":
        case "aws:ec2/getSubnetIds:getSubnetIds":
            return { id: region, ids: zones.slice(0, 3).map((_, i) => `subnet-0default00000${i}`) };
        case "aws:ec2/getSubnet:getSubnet":
            return { id: String(inputs.id ?? "subnet-0default000000"), vpcId: "vpc-0default0000000", availabilityZone: zones[0], cidrBlock: "172.31.0.0/20", mapPublicIpOnLaunch: true, defaultForAz: true };
        case "aws:ec2/getAmi:getAmi":
            return { id: "ami-0mock00000000000", architecture: "arm64", name: "al2023-ami-mock", imageId: "ami-0mock00000000000" };
        case "aws:ssm/getParameter:getParameter":
            return { id: String(inputs.name ?? "parameter"), name: String(inputs.name ?? "parameter"), type: "String", value: "ami-0mock00000000000", version: 1, arn: `arn:aws:ssm:${region}:${MOCK_ACCOUNT_ID}:parameter/mock` };
        case "aws:route53/getZone:getZone":
            return { id: "Z0MOCKZONE", zoneId: "Z0MOCKZONE", name: String(inputs.name ?? "example.com"), nameServers: ["ns-1.awsdns-01.org"] };
        case "aws:iam/getPolicyDocument:getPolicyDocument":
            return policyDocumentResult(inputs);
        case "aws:elb/getServiceAccount:getServiceAccount":
            return { id: "127311923021", arn: "arn:aws:iam::127311923021:root" };
        case "aws:iam/getPolicy:getPolicy":
            return { id: String(inputs.arn ?? "policy"), arn: String(inputs.arn ?? `arn:aws:iam::aws:policy/${String(inputs.name ?? "mock")}`), name: String(inputs.name ?? "mock"), policy: "{}" };
        default:
            return genericInvokeResult(token, inputs, region);
    }
}

/** A safe answer for an invoke we do not model: an id, an ARN and the inputs echoed back. */
function genericInvokeResult(token: string, inputs: Record<string, unknown>, region: string): MockCallResult {
    const name = typeof inputs.name === "string" ? inputs.name : `mock-${stableHex(token, 8)}`;
    return { ...inputs, id: name, name, arn: `arn:aws:${arnService(token)}:${region}:${MOCK_ACCOUNT_ID}:${name}` };
}

/** Renders `aws.iam.getPolicyDocument` statements to the JSON AWS would return. */
function policyDocumentResult(inputs: Record<string, unknown>): MockCallResult {
    const statements = Array.isArray(inputs.statements) ? inputs.statements.map(asRecord) : [];
    const rendered = statements.map((s) => {
        const out: Record<string, unknown> = { Effect: s.effect ?? "Allow" };
        if (s.sid) out.Sid = s.sid;
        if (s.actions) out.Action = s.actions;
        if (s.notActions) out.NotAction = s.notActions;
        if (s.resources) out.Resource = s.resources;
        if (s.notResources) out.NotResource = s.notResources;
        if (Array.isArray(s.principals)) {
            const principal: Record<string, unknown> = {};
            for (const p of s.principals.map(asRecord)) {
                principal[String(p.type)] = p.identifiers;
            }
            out.Principal = principal;
        }
        if (Array.isArray(s.conditions)) {
            const condition: Record<string, Record<string, unknown>> = {};
            for (const c of s.conditions.map(asRecord)) {
                const test = String(c.test);
                condition[test] = { ...(condition[test] ?? {}), [String(c.variable)]: c.values };
            }
            out.Condition = condition;
        }
        return out;
    });
    const doc = { Version: "2012-10-17", Statement: rendered };
    return { id: stableHex(JSON.stringify(doc), 10), json: JSON.stringify(doc, null, 2), minifiedJson: JSON.stringify(doc) };
}

/** Builds the mock provider for one program run. */
export function awsMocks(options: AwsMockOptions): Mocks {
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
            const region = options.providerRegion?.(args.provider) ?? options.region;
            const arn = arnFor(args.type, region, name);
            const id = physicalId(args.type, name, arn, region);
            const computed = computedOutputs(args.type, name, id, arn, region, inputs);
            const tags = asRecord(inputs.tags);
            return { id, state: { ...inputs, ...computed, arn, id, tagsAll: tags, ...(inputs.name === undefined ? { name } : {}) } };
        },
        call(args: MockCallArgs): MockCallResult {
            return invokeResult(args.token, asRecord(args.inputs), options.providerRegion?.(args.provider) ?? options.region);
        },
    };
}
