/**
 * The outputs AWS computes, as one table: type (or data source) token → output name → generator.
 *
 * `awsMocks` answers every resource and data source in the table from it, in update mode only (a preview leaves
 * them unknown). A generator is given the resource's name, inputs, region and account and a stable seed, and may
 * read the resource's other outputs (`c.get`): a Lambda's `invokeArn` is built from its `arn`. What the program set
 * as an input always wins — at every level of an object the program gave, so EKS's `vpcConfig` keeps its subnets
 * and gains `clusterSecurityGroupId`. Values are deterministic: the same program always gets the same ones.
 *
 * Everything not in the table gets the defaults: the id is the name, the ARN `arn:aws:<service>:<region>:<account>:
 * <type>/<name>`; a data source not in the table echoes its arguments with an id, name and ARN.
 */
import { isRecord } from "../model/wire";
import * as aws from "./aws-shapes";
import { stableHex } from "./mock-ids";
import { account, count, fixed, lastPart, list, regionOf, resolve, text, type ArnScope, type OutputContext, type OutputGenerator, type Subject, type TypeOutputs } from "./output-context";
import { policyDocument } from "./policy-document";

/** An input as text ("" when the program gave none): the id a resource names another by. */
const arg = (c: OutputContext, key: string): string => String(c.inputs[key] ?? "");

/** The timestamp of everything the mock creates. */
const CREATED_AT = "2024-01-01T00:00:00Z";

// --- EC2 and VPC ---------------------------------------------------------------------------------------------

/** An EC2 id: `<prefix>-<17 hex>`. */
function ec2Id(prefix: string): TypeOutputs {
    return { id: (c) => `${prefix}-${c.hex(17, "id")}` };
}

/** An EC2 resource with an ARN: `arn:aws:ec2:<region>:<account>:<kind>/<id>`. */
function ec2(prefix: string, kind: string, extra: TypeOutputs = {}): TypeOutputs {
    return { ...ec2Id(prefix), arn: (c) => c.arn("ec2", `${kind}/${c.str("id")}`), ...extra };
}

/** The owner of the EC2 resources that report one. */
const OWNED: TypeOutputs = { ownerId: account };

const wantsIpv6 = (c: OutputContext): boolean => c.inputs.assignGeneratedIpv6CidrBlock === true || text(c.inputs.ipv6IpamPoolId) !== undefined;

/** What every VPC has: its default route table, security group and network ACL, an IPv6 /56 when it asked for one. */
const VPC: TypeOutputs = {
    ...OWNED,
    ipv6CidrBlock: (c) => (wantsIpv6(c) ? aws.amazonIpv6Block(`${c.type}/${c.name}/ipv6`) : ""),
    ipv6AssociationId: (c) => (c.str("ipv6CidrBlock") ? `vpc-cidr-assoc-${c.hex(17, "ipv6")}` : ""),
    ipv6CidrBlockNetworkBorderGroup: (c) => (c.str("ipv6CidrBlock") ? c.region : ""),
    mainRouteTableId: (c) => `rtb-${stableHex(`${c.str("id")}/main-route-table`, 17)}`,
    defaultRouteTableId: (c) => c.get("mainRouteTableId"),
    defaultSecurityGroupId: (c) => aws.defaultSecurityGroupOf(c.str("id")),
    defaultNetworkAclId: (c) => `acl-${stableHex(`${c.str("id")}/default-network-acl`, 17)}`,
    dhcpOptionsId: (c) => `dopt-${c.hex(17, "dhcp")}`,
    enableDnsSupport: fixed(true),
    enableDnsHostnames: fixed(false),
    instanceTenancy: fixed("default"),
};

const NETWORK: Record<string, TypeOutputs> = {
    "aws:ec2/vpc:Vpc": ec2("vpc", "vpc", VPC),
    "aws:ec2/defaultVpc:DefaultVpc": ec2("vpc", "vpc", { ...VPC, id: (c) => aws.defaultVpcId(c.account, c.region), cidrBlock: fixed("172.31.0.0/16"), existingDefaultVpc: fixed(true) }),
    "aws:ec2/subnet:Subnet": ec2("subnet", "subnet", {
        ...OWNED,
        availabilityZoneId: (c) => aws.zoneIdOf(c.str("availabilityZone")),
        ipv6CidrBlockAssociationId: (c) => (c.str("ipv6CidrBlock") ? `subnet-cidr-assoc-${c.hex(17, "ipv6")}` : ""),
        mapPublicIpOnLaunch: fixed(false),
        privateDnsHostnameTypeOnLaunch: fixed("ip-name"),
    }),
    "aws:ec2/defaultSubnet:DefaultSubnet": ec2("subnet", "subnet", {
        ...OWNED,
        id: (c) => aws.defaultSubnetId(c.account, c.str("availabilityZone")),
        cidrBlock: (c) => aws.defaultSubnetCidr(c.str("availabilityZone")),
        availabilityZoneId: (c) => aws.zoneIdOf(c.str("availabilityZone")),
        vpcId: (c) => aws.defaultVpcId(c.account, c.region),
        mapPublicIpOnLaunch: fixed(true),
        existingDefaultSubnet: fixed(true),
    }),
    "aws:ec2/securityGroup:SecurityGroup": ec2("sg", "security-group", OWNED),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": ec2("sg", "security-group", {
        ...OWNED,
        id: (c) => aws.defaultSecurityGroupOf(text(c.inputs.vpcId) ?? aws.defaultVpcId(c.account, c.region)),
        name: fixed("default"),
    }),
    "aws:ec2/internetGateway:InternetGateway": ec2("igw", "internet-gateway", OWNED),
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": ec2Id("eigw"),
    "aws:ec2/natGateway:NatGateway": {
        ...ec2Id("nat"),
        publicIp: (c) => (c.inputs.connectivityType === "private" ? "" : aws.publicIp(`${c.type}/${c.name}`)),
        privateIp: (c) => aws.privateIp(`${c.type}/${c.name}`),
        networkInterfaceId: (c) => `eni-${c.hex(17, "eni")}`,
    },
    "aws:ec2/routeTable:RouteTable": ec2("rtb", "route-table", OWNED),
    "aws:ec2/defaultRouteTable:DefaultRouteTable": ec2("rtb", "route-table", { ...OWNED, id: (c) => text(c.inputs.defaultRouteTableId) ?? `rtb-${c.hex(17, "id")}` }),
    "aws:ec2/routeTableAssociation:RouteTableAssociation": ec2Id("rtbassoc"),
    "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation": ec2Id("rtbassoc"),
    "aws:ec2/route:Route": ec2Id("r"),
    "aws:ec2/networkAcl:NetworkAcl": ec2("acl", "network-acl", OWNED),
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": ec2("acl", "network-acl", { ...OWNED, id: (c) => text(c.inputs.defaultNetworkAclId) ?? `acl-${c.hex(17, "id")}` }),
    "aws:ec2/securityGroupRule:SecurityGroupRule": ec2Id("sgrule"),
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ec2("sgr", "security-group-rule", { securityGroupRuleId: (c) => c.get("id") }),
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ec2("sgr", "security-group-rule", { securityGroupRuleId: (c) => c.get("id") }),
    "aws:ec2/vpcEndpoint:VpcEndpoint": ec2("vpce", "vpc-endpoint", {
        ...OWNED,
        prefixListId: (c) => (c.inputs.vpcEndpointType === "Gateway" ? `pl-${c.hex(8, "pl")}` : ""),
        dnsEntries: (c) =>
            c.inputs.vpcEndpointType === "Interface"
                ? [{ dnsName: `${c.str("id")}-${c.hex(8, "dns")}.${lastPart(c.inputs.serviceName)}.${c.region}.vpce.amazonaws.com`, hostedZoneId: `Z${c.hex(13, "zone").toUpperCase()}` }]
                : [],
        state: fixed("available"),
    }),
    "aws:ec2/flowLog:FlowLog": ec2("fl", "vpc-flow-log"),
    "aws:ec2transitgateway/transitGateway:TransitGateway": ec2("tgw", "transit-gateway", {
        ...OWNED,
        associationDefaultRouteTableId: (c) => `tgw-rtb-${c.hex(17, "rtb")}`,
        propagationDefaultRouteTableId: (c) => `tgw-rtb-${c.hex(17, "rtb")}`,
    }),
    "aws:ec2/vpcPeeringConnection:VpcPeeringConnection": { ...ec2Id("pcx"), acceptStatus: fixed("active") },
    "aws:ec2/eip:Eip": ec2("eipalloc", "elastic-ip", {
        allocationId: (c) => c.get("id"),
        publicIp: (c) => aws.publicIp(`${c.type}/${c.name}`),
        publicDns: (c) => aws.publicDns(c.str("publicIp"), c.region),
        domain: fixed("vpc"),
    }),
    "aws:ec2/networkInterface:NetworkInterface": ec2("eni", "network-interface", {
        ...OWNED,
        privateIp: (c) => aws.privateIp(`${c.type}/${c.name}`),
        macAddress: (c) => `02:${c.hex(10, "mac").replace(/(..)(?!$)/g, "$1:")}`,
    }),
};

const COMPUTE: Record<string, TypeOutputs> = {
    "aws:ec2/instance:Instance": ec2("i", "instance", {
        privateIp: (c) => aws.privateIp(`${c.type}/${c.name}`),
        privateDns: (c) => aws.privateDns(c.str("privateIp"), c.region),
        publicIp: (c) => (c.inputs.associatePublicIpAddress === true ? aws.publicIp(`${c.type}/${c.name}`) : ""),
        publicDns: (c) => (c.str("publicIp") ? aws.publicDns(c.str("publicIp"), c.region) : ""),
        primaryNetworkInterfaceId: (c) => `eni-${c.hex(17, "eni")}`,
        instanceState: fixed("running"),
    }),
    "aws:ec2/launchTemplate:LaunchTemplate": ec2("lt", "launch-template", { latestVersion: fixed(1), defaultVersion: fixed(1) }),
    "aws:ebs/volume:Volume": ec2("vol", "volume"),
    "aws:autoscaling/group:Group": {
        arn: (c) => c.arn("autoscaling", `autoScalingGroup:${c.uuid("asg")}:autoScalingGroupName/${c.name}`),
    },
    "aws:guardduty/detector:Detector": {
        id: (c) => c.hex(32, "id"),
        arn: (c) => c.arn("guardduty", `detector/${c.str("id")}`),
        accountId: account,
    },
};

// --- Databases and caches ------------------------------------------------------------------------------------

/** The per-account, per-region part of RDS host names (`c9akciq32.rds…`). */
const rdsHash = (c: OutputContext): string => `c${stableHex(`${c.account}/${c.region}/rds`, 11)}`;
const rdsHost = (c: OutputContext, name: string, service = "rds", kind = ""): string => `${name}.${kind}${rdsHash(c)}.${c.region}.${service}.amazonaws.com`;
const enginePort = (c: OutputContext): number => aws.databasePort(c.str("engine"));

/** The secret RDS keeps the master password in (`manageMasterUserPassword: true`). */
const masterUserSecrets: OutputGenerator = (c) =>
    c.inputs.manageMasterUserPassword === true
        ? [{ kmsKeyId: text(c.inputs.masterUserSecretKmsKeyId) ?? "", secretArn: c.arn("secretsmanager", `secret:rds!${/cluster/i.test(c.type) ? "cluster" : "db"}-${c.uuid("secret")}-${aws.secretSuffix(`${c.type}/${c.name}/secret`)}`) }]
        : [];

/** An Aurora-style cluster: writer and reader endpoints (no port, as AWS gives them), the engine's port. */
function clusterOutputs(service: string, engine: string): TypeOutputs {
    return {
        clusterIdentifier: (c) => c.name,
        engine: fixed(engine),
        endpoint: (c) => rdsHost(c, c.str("clusterIdentifier"), service, "cluster-"),
        readerEndpoint: (c) => rdsHost(c, c.str("clusterIdentifier"), service, "cluster-ro-"),
        port: enginePort,
        clusterResourceId: (c) => `cluster-${c.hex(26, "resource").toUpperCase()}`,
        arn: (c) => c.arn("rds", `cluster:${c.str("clusterIdentifier")}`),
        availabilityZones: (c) => aws.zoneNames(c.region).slice(0, 3),
    };
}

const elasticacheHash = (c: OutputContext): string => stableHex(`${c.account}/${c.region}/elasticache`, 6);
const cacheHost = (c: OutputContext, prefix: string, suffix = ""): string => `${prefix}.${elasticacheHash(c)}${suffix}.${aws.regionCode(c.region)}.cache.amazonaws.com`;
const cachePort = (c: OutputContext): number => (c.str("engine") === "memcached" ? 11211 : 6379);
const clusterModeOn = (c: OutputContext): boolean => c.inputs.clusterMode === "enabled" || count(c.inputs.numNodeGroups, 1) > 1 || /cluster\.on/.test(arg(c, "parameterGroupName"));
/** Redis with in-transit encryption names its endpoints `master.` / `replica.`; without, after the node group. */
const encrypted = (c: OutputContext): boolean => c.inputs.transitEncryptionEnabled === true;

/** A replication group's clusters: `<id>-00<n>`, or with cluster mode on `<id>-000<shard>-00<node>`. */
const memberClusters: OutputGenerator = (c) => {
    if (!clusterModeOn(c)) return Array.from({ length: count(c.inputs.numCacheClusters, 1) }, (_, i) => `${c.name}-00${i + 1}`);
    const nodes = 1 + count(c.inputs.replicasPerNodeGroup, 1);
    return Array.from({ length: count(c.inputs.numNodeGroups, 1) * nodes }, (_, i) => `${c.name}-000${1 + Math.floor(i / nodes)}-00${1 + (i % nodes)}`);
};
const serverlessHost = (c: OutputContext): string => `${c.name}-${elasticacheHash(c)}.serverless.${aws.regionCode(c.region)}.cache.amazonaws.com`;

const DATA: Record<string, TypeOutputs> = {
    "aws:rds/instance:Instance": {
        identifier: (c) => c.name,
        resourceId: (c) => `db-${c.hex(26, "resource").toUpperCase()}`,
        id: (c) => c.get("resourceId"),
        address: (c) => rdsHost(c, c.str("identifier")),
        port: enginePort,
        endpoint: (c) => `${c.str("address")}:${String(c.get("port"))}`,
        arn: (c) => c.arn("rds", `db:${c.str("identifier")}`),
        masterUserSecrets,
    },
    "aws:rds/cluster:Cluster": { ...clusterOutputs("rds", "aurora-postgresql"), masterUserSecrets },
    "aws:rds/clusterInstance:ClusterInstance": {
        identifier: (c) => c.name,
        endpoint: (c) => rdsHost(c, c.str("identifier")),
        port: enginePort,
        dbiResourceId: (c) => `db-${c.hex(26, "resource").toUpperCase()}`,
        arn: (c) => c.arn("rds", `db:${c.str("identifier")}`),
    },
    "aws:rds/subnetGroup:SubnetGroup": { arn: (c) => c.arn("rds", `subgrp:${c.name}`) },
    "aws:rds/parameterGroup:ParameterGroup": { arn: (c) => c.arn("rds", `pg:${c.name}`) },
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": { arn: (c) => c.arn("rds", `cluster-pg:${c.name}`) },
    "aws:rds/proxy:Proxy": {
        arn: (c) => c.arn("rds", `db-proxy:prx-${c.hex(17, "id")}`),
        endpoint: (c) => rdsHost(c, c.name, "rds", "proxy-"),
    },
    "aws:docdb/cluster:Cluster": { ...clusterOutputs("docdb", "docdb"), port: fixed(27017), masterUserSecrets },
    "aws:neptune/cluster:Cluster": { ...clusterOutputs("neptune", "neptune"), port: fixed(8182) },
    "aws:redshift/cluster:Cluster": {
        dnsName: (c) => `${c.name}.${rdsHash(c)}.${c.region}.redshift.amazonaws.com`,
        port: fixed(5439),
        endpoint: (c) => `${c.str("dnsName")}:${String(c.get("port"))}`,
        arn: (c) => c.arn("redshift", `cluster:${c.name}`),
    },
    "aws:dynamodb/table:Table": {
        arn: (c) => c.arn("dynamodb", `table/${c.name}`),
        streamLabel: (c) => (c.inputs.streamEnabled === true ? "2024-01-01T00:00:00.000" : ""),
        streamArn: (c) => (c.str("streamLabel") ? `${c.str("arn")}/stream/${c.str("streamLabel")}` : ""),
    },
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        engine: fixed("redis"),
        port: cachePort,
        clusterEnabled: clusterModeOn,
        primaryEndpointAddress: (c) => (clusterModeOn(c) ? "" : encrypted(c) ? cacheHost(c, `master.${c.name}`) : cacheHost(c, c.name, ".ng.0001")),
        readerEndpointAddress: (c) => (clusterModeOn(c) ? "" : encrypted(c) ? cacheHost(c, `replica.${c.name}`) : cacheHost(c, `${c.name}-ro`, ".ng.0001")),
        configurationEndpointAddress: (c) => (clusterModeOn(c) ? cacheHost(c, `clustercfg.${c.name}`) : ""),
        memberClusters,
        arn: (c) => c.arn("elasticache", `replicationgroup:${c.name}`),
    },
    "aws:elasticache/cluster:Cluster": {
        engine: (c) => (text(c.inputs.replicationGroupId) ? "redis" : "memcached"),
        port: cachePort,
        cacheNodes: (c) =>
            Array.from({ length: count(c.inputs.numCacheNodes, 1) }, (_, i) => {
                const id = String(i + 1).padStart(4, "0");
                const zones = list(c.inputs.preferredAvailabilityZones);
                return { id, address: cacheHost(c, c.name, `.${id}`), port: c.get("port"), availabilityZone: text(zones[i]) ?? text(c.inputs.availabilityZone) ?? `${c.region}${"abc"[i % 3]}`, outpostArn: "" };
            }),
        clusterAddress: (c) => (c.str("engine") === "memcached" ? cacheHost(c, c.name, ".cfg") : ""),
        configurationEndpoint: (c) => (c.str("clusterAddress") ? `${c.str("clusterAddress")}:${String(c.get("port"))}` : ""),
        arn: (c) => c.arn("elasticache", `cluster:${c.name}`),
    },
    "aws:elasticache/serverlessCache:ServerlessCache": {
        endpoints: (c) => [{ address: serverlessHost(c), port: 6379 }],
        readerEndpoints: (c) => [{ address: serverlessHost(c), port: 6380 }],
        arn: (c) => c.arn("elasticache", `serverlesscache:${c.name}`),
        status: fixed("available"),
    },
    "aws:elasticache/subnetGroup:SubnetGroup": { arn: (c) => c.arn("elasticache", `subnetgroup:${c.name}`) },
    "aws:elasticache/parameterGroup:ParameterGroup": { arn: (c) => c.arn("elasticache", `parametergroup:${c.name}`) },
    "aws:opensearch/domain:Domain": searchDomain("opensearch", { dashboardEndpoint: (c) => `${c.str("endpoint")}/_dashboards` }),
    "aws:elasticsearch/domain:Domain": searchDomain("elasticsearch", { kibanaEndpoint: (c) => `${c.str("endpoint")}/_plugin/kibana/` }),
    "aws:efs/fileSystem:FileSystem": {
        id: (c) => `fs-${c.hex(17, "id")}`,
        arn: (c) => c.arn("elasticfilesystem", `file-system/${c.str("id")}`),
        dnsName: (c) => `${c.str("id")}.efs.${c.region}.amazonaws.com`,
        ownerId: account,
    },
    "aws:efs/mountTarget:MountTarget": {
        id: (c) => `fsmt-${c.hex(17, "id")}`,
        dnsName: (c) => `${arg(c, "fileSystemId")}.efs.${c.region}.amazonaws.com`,
        fileSystemArn: (c) => c.arn("elasticfilesystem", `file-system/${arg(c, "fileSystemId")}`),
        ipAddress: (c) => aws.privateIp(`${c.type}/${c.name}`),
        networkInterfaceId: (c) => `eni-${c.hex(17, "eni")}`,
        ownerId: account,
    },
    "aws:efs/accessPoint:AccessPoint": {
        id: (c) => `fsap-${c.hex(17, "id")}`,
        arn: (c) => c.arn("elasticfilesystem", `access-point/${c.str("id")}`),
        fileSystemArn: (c) => c.arn("elasticfilesystem", `file-system/${arg(c, "fileSystemId")}`),
        ownerId: account,
    },
};

/** An OpenSearch (or Elasticsearch) domain: `search-…` endpoints, `vpc-…` inside a VPC. */
function searchDomain(kind: string, dashboards: TypeOutputs): TypeOutputs {
    return {
        domainName: (c) => c.name,
        id: (c) => c.get("arn"),
        arn: (c) => c.arn("es", `domain/${c.str("domainName")}`),
        domainId: (c) => `${c.account}/${c.str("domainName")}`,
        endpoint: (c) => `${isRecord(c.inputs.vpcOptions) ? "vpc" : "search"}-${c.str("domainName")}-${c.hex(26, kind)}.${c.region}.es.amazonaws.com`,
        ...dashboards,
    };
}

// --- Load balancing, edge and DNS ----------------------------------------------------------------------------

const LB_KINDS: Record<string, string> = { application: "app", network: "net", gateway: "gwy" };
const lbType = (c: OutputContext): string => text(c.inputs.loadBalancerType) ?? "application";

const LOAD_BALANCER: TypeOutputs = {
    id: (c) => c.get("arn"),
    arnSuffix: (c) => `${LB_KINDS[lbType(c)] ?? "app"}/${c.name}/${c.hex(16, "suffix")}`,
    arn: (c) => c.arn("elasticloadbalancing", `loadbalancer/${c.str("arnSuffix")}`),
    dnsName: (c) => {
        const internal = c.inputs.internal === true ? "internal-" : "";
        return lbType(c) === "network"
            ? `${internal}${c.name}-${c.hex(16, "dns")}.elb.${c.region}.amazonaws.com`
            : `${internal}${c.name}-${parseInt(c.hex(8, "dns"), 16)}.${c.region}.elb.amazonaws.com`;
    },
    zoneId: (c) => aws.loadBalancerZoneId(c.region, lbType(c)),
};
const TARGET_GROUP: TypeOutputs = {
    id: (c) => c.get("arn"),
    arnSuffix: (c) => `targetgroup/${c.name}/${c.hex(16, "suffix")}`,
    arn: (c) => c.arn("elasticloadbalancing", c.str("arnSuffix")),
};
/** A listener's ARN extends its load balancer's: `…:listener/app/<lb>/<lb hex>/<hex>`. */
const LISTENER: TypeOutputs = {
    id: (c) => c.get("arn"),
    arn: (c) => {
        const lb = text(c.inputs.loadBalancerArn);
        return lb?.includes(":loadbalancer/") ? `${lb.replace(":loadbalancer/", ":listener/")}/${c.hex(16, "id")}` : c.arn("elasticloadbalancing", `listener/app/${c.name}/${c.hex(16, "lb")}/${c.hex(16, "id")}`);
    },
};
const LISTENER_RULE: TypeOutputs = {
    id: (c) => c.get("arn"),
    arn: (c) => {
        const listener = text(c.inputs.listenerArn);
        return listener?.includes(":listener/") ? `${listener.replace(":listener/", ":listener-rule/")}/${c.hex(16, "id")}` : c.arn("elasticloadbalancing", `listener-rule/app/${c.name}/${c.hex(16, "id")}`);
    },
};

/** A CloudFront id: `E` and 13 upper-case characters. */
const cloudfrontId = (c: OutputContext): string => `E${c.hex(13, "id").toUpperCase()}`;
/** A CloudFront ETag, shaped like its ids. */
const etag: OutputGenerator = (c) => `E${c.hex(13, "etag").toUpperCase()}`;

/** Where ACM wants the CNAME for one name of a certificate. */
function validationOption(c: OutputContext, domain: string): Record<string, string> {
    const base = domain.replace(/^\*\./, "");
    return {
        domainName: domain,
        resourceRecordName: `_${stableHex(`${c.name}/${domain}/name`, 32)}.${base}.`,
        resourceRecordType: "CNAME",
        resourceRecordValue: `_${stableHex(`${c.name}/${domain}/value`, 32)}.${stableHex(`${c.name}/${domain}/zone`, 10)}.acm-validations.aws.`,
    };
}

const EDGE: Record<string, TypeOutputs> = {
    "aws:lb/loadBalancer:LoadBalancer": LOAD_BALANCER,
    "aws:alb/loadBalancer:LoadBalancer": LOAD_BALANCER,
    "aws:lb/targetGroup:TargetGroup": TARGET_GROUP,
    "aws:alb/targetGroup:TargetGroup": TARGET_GROUP,
    "aws:lb/listener:Listener": LISTENER,
    "aws:alb/listener:Listener": LISTENER,
    "aws:lb/listenerRule:ListenerRule": LISTENER_RULE,
    "aws:alb/listenerRule:ListenerRule": LISTENER_RULE,
    "aws:cloudfront/distribution:Distribution": {
        id: cloudfrontId,
        arn: (c) => c.arn("cloudfront", `distribution/${c.str("id")}`, "global"),
        domainName: (c) => `d${c.hex(13, "domain")}.cloudfront.net`,
        hostedZoneId: fixed(aws.CLOUDFRONT_ZONE_ID),
        etag: etag,
        status: fixed("Deployed"),
        callerReference: (c) => `terraform-${parseInt(c.hex(12, "caller"), 16)}`,
        inProgressValidationBatches: fixed(0),
        lastModifiedTime: fixed(CREATED_AT),
    },
    "aws:cloudfront/originAccessControl:OriginAccessControl": {
        id: cloudfrontId,
        arn: (c) => c.arn("cloudfront", `origin-access-control/${c.str("id")}`, "global"),
        etag: etag,
    },
    "aws:cloudfront/originAccessIdentity:OriginAccessIdentity": {
        id: cloudfrontId,
        arn: (c) => c.arn("cloudfront", `origin-access-identity/${c.str("id")}`, "global"),
        iamArn: (c) => `arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ${c.str("id")}`,
        cloudfrontAccessIdentityPath: (c) => `origin-access-identity/cloudfront/${c.str("id")}`,
        s3CanonicalUserId: (c) => c.hex(64, "canonical"),
        etag: etag,
    },
    "aws:cloudfront/function:Function": {
        arn: (c) => c.arn("cloudfront", `function/${c.name}`, "global"),
        etag: etag,
        liveStageEtag: etag,
        status: fixed("UNASSOCIATED"),
    },
    "aws:cloudfront/cachePolicy:CachePolicy": { id: (c) => c.uuid("id"), etag: etag },
    "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy": { id: (c) => c.uuid("id"), etag: etag },
    "aws:route53/zone:Zone": {
        zoneId: (c) => `Z0${c.hex(19, "zone").toUpperCase()}`,
        id: (c) => c.get("zoneId"),
        arn: (c) => c.arn("route53", `hostedzone/${c.str("zoneId")}`, "bare"),
        nameServers: (c) => aws.nameServers(`${c.type}/${c.name}`),
        primaryNameServer: (c) => list(c.get("nameServers"))[0],
    },
    "aws:route53/record:Record": {
        fqdn: (c) => String(c.inputs.name ?? c.name).replace(/\.$/, "").toLowerCase(),
        id: (c) => `${arg(c, "zoneId")}_${String(c.inputs.name ?? c.name)}_${String(c.inputs.type ?? "A")}`,
    },
    "aws:route53/healthCheck:HealthCheck": { id: (c) => c.uuid("id"), arn: (c) => c.arn("route53", `healthcheck/${c.str("id")}`, "bare") },
    "aws:acm/certificate:Certificate": {
        arn: (c) => c.arn("acm", `certificate/${c.uuid("id")}`),
        id: (c) => c.get("arn"),
        status: fixed("ISSUED"),
        type: (c) => (text(c.inputs.certificateBody) ? "IMPORTED" : "AMAZON_ISSUED"),
        keyAlgorithm: fixed("RSA_2048"),
        subjectAlternativeNames: (c) => [c.str("domainName")].filter((d) => d !== ""),
        domainValidationOptions: (c) => {
            if (c.inputs.validationMethod !== "DNS") return [];
            const names = [c.str("domainName"), ...list(c.get("subjectAlternativeNames")).map(String)];
            return [...new Set(names.filter((n) => n !== ""))].map((domain) => validationOption(c, domain));
        },
        notBefore: fixed(CREATED_AT),
        notAfter: fixed("2025-01-31T23:59:59Z"),
    },
    "aws:wafv2/webAcl:WebAcl": wafEntity("webacl"),
    "aws:wafv2/ipSet:IpSet": wafEntity("ipset"),
    "aws:wafv2/ruleGroup:RuleGroup": wafEntity("rulegroup"),
};

/** A WAFv2 entity: a UUID id, an ARN under `regional/` (or `global/`, in us-east-1, for CloudFront). */
function wafEntity(kind: string): TypeOutputs {
    return {
        id: (c) => c.uuid("id"),
        arn: (c) => {
            const cloudfront = c.inputs.scope === "CLOUDFRONT";
            return `arn:aws:wafv2:${cloudfront ? "us-east-1" : c.region}:${c.account}:${cloudfront ? "global" : "regional"}/${kind}/${c.name}/${c.str("id")}`;
        },
    };
}

// --- Storage -------------------------------------------------------------------------------------------------

const websiteEndpoint = (c: OutputContext, bucket: string): string => `${bucket}.${aws.s3WebsiteDomain(c.region)}`;

/** A bucket: its name, ARN (no region, no account) and domain names; website endpoints when it serves one. */
function bucket(websiteInput: string): TypeOutputs {
    return {
        bucket: (c) => c.name,
        arn: (c) => `arn:aws:s3:::${c.str("bucket")}`,
        bucketDomainName: (c) => `${c.str("bucket")}.s3.amazonaws.com`,
        bucketRegionalDomainName: (c) => `${c.str("bucket")}.s3.${c.region}.amazonaws.com`,
        hostedZoneId: (c) => aws.s3ZoneId(c.region),
        region: regionOf,
        bucketRegion: regionOf,
        websiteEndpoint: (c) => (c.inputs[websiteInput] !== undefined ? websiteEndpoint(c, c.str("bucket")) : ""),
        websiteDomain: (c) => (c.inputs[websiteInput] !== undefined ? aws.s3WebsiteDomain(c.region) : ""),
    };
}
const WEBSITE: TypeOutputs = {
    websiteEndpoint: (c) => websiteEndpoint(c, String(c.inputs.bucket ?? c.name)),
    websiteDomain: (c) => aws.s3WebsiteDomain(c.region),
};

const STORAGE: Record<string, TypeOutputs> = {
    "aws:s3/bucket:Bucket": bucket("website"),
    "aws:s3/bucketV2:BucketV2": bucket("websites"),
    "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration": WEBSITE,
    "aws:s3/bucketWebsiteConfigurationV2:BucketWebsiteConfigurationV2": WEBSITE,
    "aws:ecr/repository:Repository": {
        arn: (c) => c.arn("ecr", `repository/${c.name}`),
        registryId: account,
        repositoryUrl: (c) => `${c.account}.dkr.ecr.${c.region}.amazonaws.com/${c.name}`,
    },
    "aws:backup/vault:Vault": { arn: (c) => c.arn("backup", `backup-vault:${c.name}`), recoveryPoints: fixed(0) },
    "aws:backup/plan:Plan": { id: (c) => c.uuid("id"), arn: (c) => c.arn("backup", `backup-plan:${c.str("id")}`), version: (c) => c.hex(40, "version") },
};

// --- Serverless, containers, integration ---------------------------------------------------------------------

const functionArn = (c: OutputContext, name: string): string => (name.startsWith("arn:") ? name : c.arn("lambda", `function:${name}`));
const invokeArn = (c: OutputContext, arn: string): string => `arn:aws:apigateway:${c.region}:lambda:path/2015-03-31/functions/${arn}/invocations`;
/** An API Gateway id: 10 lower-case characters. */
const apiId = (c: OutputContext): string => c.hex(10, "id");
const executeApi = (c: OutputContext, id: string): string => `${id}.execute-api.${c.region}.amazonaws.com`;

/** The id EKS puts in a cluster's endpoint and OIDC issuer. */
const eksId = (c: OutputContext): string => stableHex(`eks/${c.account}/${c.region}/${c.name}`, 32).toUpperCase();
const eksCertificateAuthority: OutputGenerator = (c) => ({ data: aws.certificateData(`aws:eks/cluster:Cluster/${c.name}/ca`) });
/** What an EKS cluster and its lookup (`getCluster`) both report. */
const EKS_CLUSTER_COMMON: TypeOutputs = {
    arn: (c) => c.arn("eks", `cluster/${c.name}`),
    endpoint: (c) => `https://${eksId(c)}.gr7.${c.region}.eks.amazonaws.com`,
    identities: (c) => [{ oidcs: [{ issuer: `https://oidc.eks.${c.region}.amazonaws.com/id/${eksId(c)}` }] }],
    vpcConfig: (c) => ({ clusterSecurityGroupId: `sg-${c.hex(17, "cluster-sg")}`, endpointPrivateAccess: false, endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }),
    version: fixed("1.31"),
    platformVersion: fixed("eks.1"),
    status: fixed("ACTIVE"),
    clusterId: (c) => c.uuid("cluster"),
    createdAt: fixed(CREATED_AT),
};
const EKS_CLUSTER: TypeOutputs = { ...EKS_CLUSTER_COMMON, certificateAuthority: eksCertificateAuthority };

const APPS: Record<string, TypeOutputs> = {
    "aws:lambda/function:Function": {
        arn: (c) => functionArn(c, c.name),
        invokeArn: (c) => invokeArn(c, c.str("arn")),
        version: (c) => (c.inputs.publish === true ? "1" : "$LATEST"),
        qualifiedArn: (c) => `${c.str("arn")}:${c.str("version")}`,
        qualifiedInvokeArn: (c) => invokeArn(c, c.str("qualifiedArn")),
        responseStreamingInvokeArn: (c) => `arn:aws:apigateway:${c.region}:lambda:path/2021-11-15/functions/${c.str("arn")}/response-streaming-invocations`,
        codeSha256: (c) => Buffer.from(c.hex(64, "code"), "hex").toString("base64"),
        sourceCodeHash: (c) => c.get("codeSha256"),
        sourceCodeSize: fixed(1024),
        lastModified: fixed("2024-01-01T00:00:00.000+0000"),
        architectures: fixed(["x86_64"]),
    },
    "aws:lambda/alias:Alias": {
        arn: (c) => `${functionArn(c, arg(c, "functionName"))}:${c.name}`,
        invokeArn: (c) => invokeArn(c, c.str("arn")),
    },
    "aws:lambda/functionUrl:FunctionUrl": {
        urlId: (c) => c.hex(32, "url"),
        functionUrl: (c) => `https://${c.str("urlId")}.lambda-url.${c.region}.on.aws/`,
        functionArn: (c) => functionArn(c, arg(c, "functionName")),
    },
    "aws:lambda/layerVersion:LayerVersion": {
        layerArn: (c) => c.arn("lambda", `layer:${String(c.inputs.layerName ?? c.name)}`),
        version: fixed("1"),
        arn: (c) => `${c.str("layerArn")}:${c.str("version")}`,
        id: (c) => c.get("arn"),
    },
    "aws:apigatewayv2/api:Api": {
        id: apiId,
        apiEndpoint: (c) => `${c.inputs.protocolType === "WEBSOCKET" ? "wss" : "https"}://${executeApi(c, c.str("id"))}`,
        executionArn: (c) => c.arn("execute-api", c.str("id")),
        arn: (c) => c.arn("apigateway", `/apis/${c.str("id")}`, "no-account"),
    },
    "aws:apigatewayv2/stage:Stage": {
        invokeUrl: (c) => `https://${executeApi(c, arg(c, "apiId"))}/${c.name === "$default" ? "" : c.name}`,
        executionArn: (c) => c.arn("execute-api", `${arg(c, "apiId")}/${c.name}`),
        arn: (c) => c.arn("apigateway", `/apis/${arg(c, "apiId")}/stages/${c.name}`, "no-account"),
    },
    "aws:apigatewayv2/domainName:DomainName": {
        arn: (c) => c.arn("apigateway", `/domainnames/${c.name}`, "no-account"),
        apiMappingSelectionExpression: fixed("$request.basepath"),
        domainNameConfiguration: (c) => ({ targetDomainName: `d-${c.hex(10, "target")}.execute-api.${c.region}.amazonaws.com`, hostedZoneId: aws.apiGatewayZoneId(c.region) }),
    },
    "aws:apigatewayv2/integration:Integration": { id: (c) => c.hex(7, "id") },
    "aws:apigatewayv2/route:Route": { id: (c) => c.hex(7, "id") },
    "aws:apigateway/restApi:RestApi": {
        id: apiId,
        rootResourceId: (c) => c.hex(10, "root"),
        executionArn: (c) => c.arn("execute-api", c.str("id")),
        arn: (c) => c.arn("apigateway", `/restapis/${c.str("id")}`, "no-account"),
        createdDate: fixed(CREATED_AT),
    },
    "aws:apigateway/stage:Stage": {
        id: (c) => `ags-${arg(c, "restApi")}-${c.name}`,
        invokeUrl: (c) => `https://${executeApi(c, arg(c, "restApi"))}/${c.name}`,
        executionArn: (c) => c.arn("execute-api", `${arg(c, "restApi")}/${c.name}`),
        arn: (c) => c.arn("apigateway", `/restapis/${arg(c, "restApi")}/stages/${c.name}`, "no-account"),
    },
    "aws:apigateway/deployment:Deployment": { id: (c) => c.hex(6, "id"), createdDate: fixed(CREATED_AT) },
    "aws:apigateway/resource:Resource": { id: (c) => c.hex(6, "id") },
    "aws:eks/cluster:Cluster": EKS_CLUSTER,
    "aws:eks/nodeGroup:NodeGroup": {
        id: (c) => `${arg(c, "clusterName")}:${c.name}`,
        arn: (c) => c.arn("eks", `nodegroup/${arg(c, "clusterName")}/${c.name}/${c.uuid("nodegroup")}`),
        resources: (c) => [{ autoscalingGroups: [{ name: `eks-${c.name}-${c.uuid("nodegroup")}` }], remoteAccessSecurityGroupId: "" }],
        status: fixed("ACTIVE"),
    },
    "aws:ecs/cluster:Cluster": { name: (c) => c.name, arn: (c) => c.arn("ecs", `cluster/${c.str("name")}`), id: (c) => c.get("arn") },
    "aws:ecs/service:Service": {
        name: (c) => c.name,
        cluster: (c) => c.arn("ecs", "cluster/default"),
        arn: (c) => c.arn("ecs", `service/${lastPart(c.get("cluster"))}/${c.str("name")}`),
        id: (c) => c.get("arn"),
    },
    "aws:ecs/taskDefinition:TaskDefinition": {
        family: (c) => c.name,
        id: (c) => c.get("family"),
        revision: fixed(1),
        arnWithoutRevision: (c) => c.arn("ecs", `task-definition/${c.str("family")}`),
        arn: (c) => `${c.str("arnWithoutRevision")}:${String(c.get("revision"))}`,
    },
    "aws:ecs/capacityProvider:CapacityProvider": { arn: (c) => c.arn("ecs", `capacity-provider/${c.name}`), id: (c) => c.get("arn") },
    "aws:apprunner/service:Service": {
        serviceId: (c) => c.hex(32, "id"),
        arn: (c) => c.arn("apprunner", `service/${c.name}/${c.str("serviceId")}`),
        id: (c) => c.get("arn"),
        serviceUrl: (c) => `${c.hex(10, "url")}.${c.region}.awsapprunner.com`,
        status: fixed("RUNNING"),
    },
    "aws:sqs/queue:Queue": {
        name: (c) => (c.inputs.fifoQueue === true && !c.name.endsWith(".fifo") ? `${c.name}.fifo` : c.name),
        url: (c) => `https://sqs.${c.region}.amazonaws.com/${c.account}/${c.str("name")}`,
        id: (c) => c.get("url"),
        arn: (c) => c.arn("sqs", c.str("name")),
    },
    "aws:sns/topic:Topic": {
        name: (c) => (c.inputs.fifoTopic === true && !c.name.endsWith(".fifo") ? `${c.name}.fifo` : c.name),
        arn: (c) => c.arn("sns", c.str("name")),
        id: (c) => c.get("arn"),
        owner: account,
    },
    "aws:sns/topicSubscription:TopicSubscription": {
        arn: (c) => `${String(c.inputs.topic ?? c.arn("sns", c.name))}:${c.uuid("id")}`,
        id: (c) => c.get("arn"),
        ownerId: account,
        pendingConfirmation: fixed(false),
        confirmationWasAuthenticated: fixed(true),
    },
    "aws:sfn/stateMachine:StateMachine": {
        arn: (c) => c.arn("states", `stateMachine:${c.name}`),
        id: (c) => c.get("arn"),
        status: fixed("ACTIVE"),
        creationDate: fixed(CREATED_AT),
        stateMachineVersionArn: (c) => (c.inputs.publish === true ? `${c.str("arn")}:1` : ""),
    },
    "aws:kinesis/stream:Stream": { arn: (c) => c.arn("kinesis", `stream/${c.name}`), id: (c) => c.get("arn") },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": { arn: (c) => c.arn("firehose", `deliverystream/${c.name}`), id: (c) => c.get("arn") },
    "aws:msk/cluster:Cluster": {
        arn: (c) => c.arn("kafka", `cluster/${c.name}/${c.uuid("cluster")}-2`),
        id: (c) => c.get("arn"),
        clusterUuid: (c) => `${c.uuid("cluster")}-2`,
        currentVersion: (c) => `K${c.hex(13, "version").toUpperCase()}`,
        bootstrapBrokers: (c) => brokers(c, 9092),
        bootstrapBrokersTls: (c) => brokers(c, 9094),
        bootstrapBrokersSaslScram: (c) => brokers(c, 9096),
        bootstrapBrokersSaslIam: (c) => brokers(c, 9098),
        zookeeperConnectString: (c) => brokers(c, 2181, "z"),
        zookeeperConnectStringTls: (c) => brokers(c, 2182, "z"),
    },
    "aws:mq/broker:Broker": {
        id: (c) => `b-${c.uuid("broker")}`,
        arn: (c) => c.arn("mq", `broker:${c.name}:${c.str("id")}`),
        instances: (c) => {
            const rabbit = arg(c, "engineType").toLowerCase() === "rabbitmq";
            const n = c.inputs.deploymentMode === "ACTIVE_STANDBY_MULTI_AZ" ? 2 : 1;
            return Array.from({ length: n }, (_, i) => {
                const host = `${c.str("id")}-${i + 1}.mq.${c.region}.amazonaws.com`;
                return { consoleUrl: `https://${host}`, ipAddress: "", endpoints: rabbit ? [`amqps://${host}:5671`] : [`ssl://${host}:61617`, `amqp+ssl://${host}:5671`, `stomp+ssl://${host}:61614`, `mqtt+ssl://${host}:8883`, `wss://${host}:61619`] };
            });
        },
    },
};

/** MSK's broker (or ZooKeeper) connection string: one host per broker node, comma-separated. */
function brokers(c: OutputContext, port: number, prefix = "b"): string {
    const nodes = count(c.inputs.numberOfBrokerNodes, 3);
    return Array.from({ length: nodes }, (_, i) => `${prefix}-${i + 1}.${c.name}.${c.hex(6, "brokers")}.c2.kafka.${c.region}.amazonaws.com:${port}`).join(",");
}

// --- Identity, keys, secrets, parameters, templates, monitoring ----------------------------------------------

const iamPath = (c: OutputContext): string => text(c.inputs.path) ?? "/";
/** An IAM entity: `arn:aws:iam::<account>:<kind><path><name>`, a unique id with AWS's prefix for the kind. */
function iamEntity(kind: string, idPrefix: string): TypeOutputs {
    return {
        arn: (c) => c.arn("iam", `${kind}${iamPath(c)}${c.name}`, "global"),
        uniqueId: (c) => `${idPrefix}${c.hex(17, "unique").toUpperCase()}`,
    };
}

/** The `Outputs` keys of a CloudFormation template, in JSON or YAML. */
function templateOutputKeys(body: string): string[] {
    try {
        const parsed: unknown = JSON.parse(body);
        return isRecord(parsed) && isRecord(parsed.Outputs) ? Object.keys(parsed.Outputs) : [];
    } catch {
        const section = /^Outputs:\s*\n((?:[ \t]+.*\n?|\s*\n)*)/m.exec(body)?.[1] ?? "";
        const indent = /^([ \t]+)\S/m.exec(section)?.[1] ?? "  ";
        return [...section.matchAll(new RegExp(`^${indent}([A-Za-z0-9]+):`, "gm"))].map((m) => m[1]);
    }
}

const IDENTITY: Record<string, TypeOutputs> = {
    "aws:iam/role:Role": { ...iamEntity("role", "AROA"), createDate: fixed(CREATED_AT), maxSessionDuration: fixed(3600) },
    "aws:iam/user:User": iamEntity("user", "AIDA"),
    "aws:iam/group:Group": iamEntity("group", "AGPA"),
    "aws:iam/instanceProfile:InstanceProfile": { ...iamEntity("instance-profile", "AIPA"), createDate: fixed(CREATED_AT) },
    "aws:iam/policy:Policy": {
        arn: (c) => c.arn("iam", `policy${iamPath(c)}${c.name}`, "global"),
        id: (c) => c.get("arn"),
        policyId: (c) => `ANPA${c.hex(17, "unique").toUpperCase()}`,
        attachmentCount: fixed(0),
    },
    "aws:iam/openIdConnectProvider:OpenIdConnectProvider": {
        arn: (c) => c.arn("iam", `oidc-provider/${String(c.inputs.url ?? c.name).replace(/^https:\/\//, "")}`, "global"),
        id: (c) => c.get("arn"),
    },
    "aws:iam/accessKey:AccessKey": {
        id: (c) => `AKIA${c.hex(16, "id").toUpperCase()}`,
        secret: (c) => aws.alphanumeric(`${c.type}/${c.name}/secret`, 40),
        status: fixed("Active"),
    },
    "aws:kms/key:Key": {
        keyId: (c) => c.uuid("key"),
        id: (c) => c.get("keyId"),
        arn: (c) => c.arn("kms", `key/${c.str("keyId")}`),
    },
    "aws:kms/alias:Alias": {
        name: (c) => (c.name.startsWith("alias/") ? c.name : `alias/${c.name}`),
        id: (c) => c.get("name"),
        arn: (c) => c.arn("kms", c.str("name")),
        targetKeyArn: (c) => {
            const target = arg(c, "targetKeyId");
            return target.startsWith("arn:") ? target : c.arn("kms", `key/${target}`);
        },
    },
    "aws:secretsmanager/secret:Secret": {
        arn: (c) => c.arn("secretsmanager", `secret:${c.name}-${aws.secretSuffix(`${c.type}/${c.name}/suffix`)}`),
        id: (c) => c.get("arn"),
    },
    "aws:secretsmanager/secretVersion:SecretVersion": {
        versionId: (c) => c.uuid("version"),
        arn: (c) => arg(c, "secretId"),
        id: (c) => `${arg(c, "secretId")}|${c.str("versionId")}`,
        versionStages: fixed(["AWSCURRENT"]),
    },
    "aws:ssm/parameter:Parameter": {
        arn: (c) => c.arn("ssm", `parameter/${c.name.replace(/^\//, "")}`),
        version: fixed(1),
    },
    "aws:cognito/userPool:UserPool": {
        id: (c) => `${c.region}_${aws.alphanumeric(`${c.type}/${c.name}/id`, 9)}`,
        arn: (c) => c.arn("cognito-idp", `userpool/${c.str("id")}`),
        endpoint: (c) => `cognito-idp.${c.region}.amazonaws.com/${c.str("id")}`,
        creationDate: fixed(CREATED_AT),
        estimatedNumberOfUsers: fixed(0),
    },
    "aws:cognito/userPoolClient:UserPoolClient": {
        id: (c) => c.hex(26, "id"),
        clientSecret: (c) => (c.inputs.generateSecret === true ? aws.alphanumeric(`${c.type}/${c.name}/secret`, 51) : ""),
    },
    "aws:cognito/userPoolDomain:UserPoolDomain": {
        cloudfrontDistribution: (c) => `d${c.hex(13, "domain")}.cloudfront.net`,
        cloudfrontDistributionArn: (c) => `d${c.hex(13, "domain")}.cloudfront.net`,
        cloudfrontDistributionZoneId: fixed(aws.CLOUDFRONT_ZONE_ID),
        awsAccountId: account,
    },
    "aws:cognito/identityPool:IdentityPool": {
        id: (c) => `${c.region}:${c.uuid("id")}`,
        arn: (c) => c.arn("cognito-identity", `identitypool/${c.str("id")}`),
    },
    "aws:cloudformation/stack:Stack": {
        id: (c) => c.arn("cloudformation", `stack/${c.name}/${c.uuid("stack")}`),
        templateBody: fixed(JSON.stringify({ Resources: {} })),
        outputs: (c) => Object.fromEntries(templateOutputKeys(c.str("templateBody")).map((key) => [key, `${c.name}-${key}-${c.hex(12, key).toUpperCase()}`])),
    },
    "aws:cloudwatch/logGroup:LogGroup": { arn: (c) => c.arn("logs", `log-group:${c.name}`) },
    "aws:cloudwatch/metricAlarm:MetricAlarm": { arn: (c) => c.arn("cloudwatch", `alarm:${c.name}`) },
    "aws:cloudwatch/compositeAlarm:CompositeAlarm": { arn: (c) => c.arn("cloudwatch", `alarm:${c.name}`) },
    "aws:cloudwatch/dashboard:Dashboard": { dashboardArn: (c) => c.arn("cloudwatch", `dashboard/${c.name}`, "global"), arn: (c) => c.get("dashboardArn") },
    "aws:cloudwatch/eventRule:EventRule": {
        arn: (c) => {
            const bus = text(c.inputs.eventBusName);
            return c.arn("events", `rule/${bus && bus !== "default" ? `${lastPart(bus)}/` : ""}${c.name}`);
        },
    },
    "aws:cloudwatch/eventBus:EventBus": { arn: (c) => c.arn("events", `event-bus/${c.name}`) },
};

// --- Engine-only resources (random) --------------------------------------------------------------------------

const RANDOM: Record<string, TypeOutputs> = {
    "random:index/randomPassword:RandomPassword": { result: (c) => c.hex(count(c.inputs.length, 32), "result") },
    "random:index/randomString:RandomString": { result: (c) => c.hex(count(c.inputs.length, 32), "result") },
    "random:index/randomId:RandomId": {
        hex: (c) => c.hex(count(c.inputs.byteLength, 8) * 2, "hex"),
        b64Std: (c) => Buffer.from(c.str("hex"), "hex").toString("base64"),
        b64Url: (c) => Buffer.from(c.str("hex"), "hex").toString("base64url"),
        dec: (c) => BigInt(`0x${c.str("hex")}`).toString(),
    },
    "random:index/randomUuid:RandomUuid": { result: (c) => c.uuid("result") },
    "random:index/randomInteger:RandomInteger": {
        result: (c) => {
            const min = typeof c.inputs.min === "number" ? c.inputs.min : 0;
            const max = typeof c.inputs.max === "number" ? c.inputs.max : min + 100;
            return min + (parseInt(c.hex(8, "result"), 16) % (max - min + 1));
        },
    },
    "random:index/randomPet:RandomPet": {
        id: (c) => {
            const words = ["amused", "brave", "calm", "eager", "fond", "keen", "proud", "quick", "ample", "bison", "crane", "egret", "lemur", "otter", "quail", "wren"];
            const n = count(c.inputs.length, 2);
            const picked = Array.from({ length: n }, (_, i) => words[parseInt(c.hex(2, `word${i}`), 16) % words.length]);
            return [text(c.inputs.prefix), ...picked].filter((w) => w !== undefined).join(String(c.inputs.separator ?? "-"));
        },
    },
};

// --- Data sources --------------------------------------------------------------------------------------------

/** The AMI a lookup finds: stable per lookup (the same filters find the same image), arm64 when the lookup says so. */
const AMI: TypeOutputs = {
    id: (c) => `ami-0${c.hex(16, "ami")}`,
    imageId: (c) => c.get("id"),
    arn: (c) => `arn:aws:ec2:${c.region}::image/${c.str("id")}`,
    architecture: (c) => (/arm64|aarch64/.test(JSON.stringify(c.inputs)) ? "arm64" : "x86_64"),
    name: (c) => {
        const filters = list(c.inputs.filters).filter(isRecord);
        const pattern = filters.find((f) => f.name === "name");
        const first = text(list(pattern?.values)[0]);
        return (first ?? text(c.inputs.nameRegex) ?? "al2023-ami-*").replace(/\*/g, "2023.6.20240101.0").replace(/[\^$\\]/g, "");
    },
    ownerId: (c) => {
        const owner = text(list(c.inputs.owners)[0]);
        return owner === undefined || owner === "amazon" ? aws.AMAZON_AMI_OWNER : owner;
    },
    imageOwnerAlias: fixed("amazon"),
    creationDate: fixed(CREATED_AT),
    state: fixed("available"),
    rootDeviceName: fixed("/dev/xvda"),
    rootDeviceType: fixed("ebs"),
    virtualizationType: fixed("hvm"),
    platformDetails: fixed("Linux/UNIX"),
    public: fixed(true),
};

const zonesOf = (c: OutputContext): string[] => {
    const excluded = new Set(list(c.inputs.excludeNames));
    return aws.zoneNames(c.region).filter((z) => !excluded.has(z));
};
const defaultSubnets = (c: OutputContext): string[] => aws.zoneNames(c.region).slice(0, 3).map((z) => aws.defaultSubnetId(c.account, z));

const INVOKES: Record<string, TypeOutputs> = {
    "aws:index/getCallerIdentity:getCallerIdentity": {
        id: account,
        accountId: account,
        arn: (c) => c.arn("iam", "user/runway-plan", "global"),
        userId: (c) => `AIDA${c.hex(17, "user").toUpperCase()}`,
    },
    "aws:index/getRegion:getRegion": {
        region: (c) => text(c.inputs.name) ?? c.region,
        id: (c) => c.get("region"),
        name: (c) => c.get("region"),
        description: (c) => c.get("region"),
        endpoint: (c) => `ec2.${c.str("region")}.amazonaws.com`,
    },
    "aws:index/getAvailabilityZones:getAvailabilityZones": {
        id: regionOf,
        names: zonesOf,
        zoneIds: (c) => zonesOf(c).map(aws.zoneIdOf),
        state: fixed("available"),
        groupNames: (c) => [c.region],
        region: regionOf,
    },
    "aws:index/getPartition:getPartition": { id: fixed("aws"), partition: fixed("aws"), dnsSuffix: fixed("amazonaws.com"), reverseDnsPrefix: fixed("com.amazonaws") },
    "aws:ec2/getVpc:getVpc": {
        id: (c) => aws.defaultVpcId(c.account, c.region),
        arn: (c) => c.arn("ec2", `vpc/${c.str("id")}`),
        cidrBlock: fixed("172.31.0.0/16"),
        default: fixed(true),
        mainRouteTableId: (c) => `rtb-${stableHex(`${c.str("id")}/main-route-table`, 17)}`,
        dhcpOptionsId: (c) => `dopt-${stableHex(`${c.str("id")}/dhcp`, 17)}`,
        enableDnsHostnames: fixed(true),
        enableDnsSupport: fixed(true),
        instanceTenancy: fixed("default"),
        ownerId: account,
        state: fixed("available"),
    },
    "aws:ec2/getSubnets:getSubnets": { id: regionOf, ids: defaultSubnets },
    "aws:ec2/getSubnet:getSubnet": {
        availabilityZone: (c) => aws.zoneNames(c.region)[0],
        id: (c) => aws.defaultSubnetId(c.account, c.str("availabilityZone")),
        arn: (c) => c.arn("ec2", `subnet/${c.str("id")}`),
        vpcId: (c) => aws.defaultVpcId(c.account, c.region),
        availabilityZoneId: (c) => aws.zoneIdOf(c.str("availabilityZone")),
        cidrBlock: (c) => aws.defaultSubnetCidr(c.str("availabilityZone")),
        mapPublicIpOnLaunch: fixed(true),
        defaultForAz: fixed(true),
        ownerId: account,
        state: fixed("available"),
    },
    "aws:ec2/getSecurityGroup:getSecurityGroup": {
        vpcId: (c) => aws.defaultVpcId(c.account, c.region),
        id: (c) => aws.defaultSecurityGroupOf(c.str("vpcId")),
        arn: (c) => c.arn("ec2", `security-group/${c.str("id")}`),
        name: fixed("default"),
    },
    "aws:ec2/getAmi:getAmi": AMI,
    "aws:ec2/getAmiIds:getAmiIds": { id: regionOf, ids: (c) => [`ami-0${c.hex(16, "ami")}`] },
    "aws:ssm/getParameter:getParameter": {
        id: (c) => c.name,
        name: (c) => c.name,
        type: fixed("String"),
        value: (c) => (/ami/i.test(c.name) ? `ami-0${c.hex(16, "ami")}` : `value-of-${c.name.replace(/^\//, "").replace(/\//g, "-")}`),
        insecureValue: (c) => c.get("value"),
        version: fixed(1),
        arn: (c) => c.arn("ssm", `parameter/${c.name.replace(/^\//, "")}`),
    },
    "aws:route53/getZone:getZone": {
        zoneId: (c) => `Z0${c.hex(19, "zone").toUpperCase()}`,
        id: (c) => c.get("zoneId"),
        name: (c) => c.name,
        arn: (c) => c.arn("route53", `hostedzone/${c.str("zoneId")}`, "bare"),
        nameServers: (c) => aws.nameServers(`${c.type}/${c.name}`),
        primaryNameServer: (c) => list(c.get("nameServers"))[0],
        privateZone: fixed(false),
        resourceRecordSetCount: fixed(2),
    },
    "aws:acm/getCertificate:getCertificate": {
        arn: (c) => c.arn("acm", `certificate/${c.uuid("id")}`),
        id: (c) => c.get("arn"),
        status: fixed("ISSUED"),
    },
    "aws:iam/getPolicyDocument:getPolicyDocument": {
        json: (c) => JSON.stringify(policyDocument(c.inputs), null, 2),
        minifiedJson: (c) => JSON.stringify(policyDocument(c.inputs)),
        id: (c) => stableHex(c.str("minifiedJson"), 10),
    },
    "aws:iam/getPolicy:getPolicy": {
        name: (c) => text(c.inputs.name) ?? lastPart(c.inputs.arn),
        arn: (c) => `arn:aws:iam::aws:policy/${c.str("name")}`,
        id: (c) => c.get("arn"),
        policy: fixed("{}"),
    },
    "aws:iam/getRole:getRole": { ...iamEntity("role", "AROA"), id: (c) => c.name, assumeRolePolicy: fixed("{}") },
    "aws:elb/getServiceAccount:getServiceAccount": { id: (c) => aws.elbAccount(c.region), arn: (c) => `arn:aws:iam::${aws.elbAccount(c.region)}:root` },
    "aws:kms/getKey:getKey": { id: (c) => text(lastPart(c.inputs.keyId)) ?? c.uuid("key"), arn: (c) => c.arn("kms", `key/${c.str("id")}`) },
    "aws:kms/getAlias:getAlias": {
        id: (c) => c.name,
        arn: (c) => c.arn("kms", c.name),
        targetKeyId: (c) => c.uuid("key"),
        targetKeyArn: (c) => c.arn("kms", `key/${c.str("targetKeyId")}`),
    },
    "aws:secretsmanager/getSecret:getSecret": { arn: (c) => c.arn("secretsmanager", `secret:${c.name}-${aws.secretSuffix(c.name)}`), id: (c) => c.get("arn") },
    "aws:secretsmanager/getSecretVersion:getSecretVersion": {
        arn: (c) => arg(c, "secretId"),
        id: (c) => `${c.str("arn")}|AWSCURRENT`,
        versionId: (c) => c.uuid("version"),
        secretString: fixed("{}"),
    },
    "aws:ecr/getRepository:getRepository": {
        arn: (c) => c.arn("ecr", `repository/${c.name}`),
        registryId: account,
        repositoryUrl: (c) => `${c.account}.dkr.ecr.${c.region}.amazonaws.com/${c.name}`,
        id: (c) => c.name,
    },
    "aws:eks/getCluster:getCluster": { ...EKS_CLUSTER_COMMON, certificateAuthorities: (c) => [eksCertificateAuthority(c)], id: (c) => c.name },
    "aws:eks/getClusterAuth:getClusterAuth": { id: (c) => c.name, token: (c) => `k8s-aws-v1.${c.hex(64, "token")}` },
    "aws:lb/getLoadBalancer:getLoadBalancer": LOAD_BALANCER,
};

/**
 * The table: every resource type and data source whose computed outputs the mock provider models, by token,
 * then by output name.
 */
export const COMPUTED_OUTPUTS: Readonly<Record<string, TypeOutputs>> = { ...NETWORK, ...COMPUTE, ...DATA, ...EDGE, ...STORAGE, ...APPS, ...IDENTITY, ...RANDOM, ...INVOKES };

// --- Defaults and entry points -----------------------------------------------------------------------------

/** Modules whose ARN service is not the module's name. */
const ARN_SERVICES: Record<string, string> = { lb: "elasticloadbalancing", alb: "elasticloadbalancing", elb: "elasticloadbalancing", cloudwatch: "logs", appautoscaling: "application-autoscaling" };

/** The ARN service of a token: `aws:lb/loadBalancer:LoadBalancer` → `elasticloadbalancing`. */
function arnService(type: string): string {
    const module = type.split(":")[1]?.split("/")[0] ?? "unknown";
    return ARN_SERVICES[module] ?? module;
}

/** Services whose ARNs carry no region (and Route 53's no account either). */
const GLOBAL_SERVICES: Record<string, ArnScope> = { iam: "global", cloudfront: "global", budgets: "global", organizations: "global", route53: "bare" };

/** The ARN of a type the table does not know: `arn:aws:<service>:<region>:<account>:<type>/<name>` (no region for global services, S3 bare). */
const defaultArn: OutputGenerator = (c) => {
    if (!c.type.startsWith("aws:")) return undefined;
    const service = arnService(c.type);
    const kind = (c.type.split(":")[2] ?? "resource").replace(/^[A-Z]/, (first) => first.toLowerCase());
    if (service === "s3") return `arn:aws:s3:::${c.name}`;
    return c.arn(service, `${kind}/${c.name}`, GLOBAL_SERVICES[service] ?? "regional");
};

/** What every resource has: an id (its name, unless the table says otherwise) and an ARN. */
const RESOURCE_DEFAULTS: TypeOutputs = { id: (c) => c.name, arn: defaultArn };

/** A data source the table does not know: its arguments echoed, with an id, a name and an ARN. */
const INVOKE_DEFAULTS: TypeOutputs = { id: (c) => c.name, name: (c) => c.name, arn: (c) => c.arn(arnService(c.type), c.name) };

/** A resource's computed outputs: its id and every output the table (or the defaults) give its type. */
export function resourceOutputs(subject: Subject): { id: string; outputs: Record<string, unknown> } {
    const outputs = resolve(subject, { ...RESOURCE_DEFAULTS, ...COMPUTED_OUTPUTS[subject.type] });
    return { id: String(outputs.id), outputs };
}

/** A data source's answer: its arguments, then every output the table gives it (or the generic answer). */
export function invokeOutputs(subject: Subject): Record<string, unknown> {
    const known = COMPUTED_OUTPUTS[subject.type];
    return { ...subject.inputs, ...resolve(subject, known ?? INVOKE_DEFAULTS) };
}
