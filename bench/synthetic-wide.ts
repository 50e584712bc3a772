/**
 * The wide unit: what a hero unit leaves out but Runway's graph rules also read — the VPC's default route table,
 * main route table association and default security group, a legacy `SecurityGroupRule`, a flow log, an Aurora
 * cluster with two instances, an ElastiCache replication group, an autoscaling group of workers with a launch
 * template and a scaling policy, an EC2 instance snapshotted by a DLM policy (even units) or an AWS Backup
 * selection (odd units), and an ECR repository. Each refers to its own unit's VPC, subnets and security groups,
 * as a program would. It plants nothing of its own, but a violation planted in its hero unit's database subnets or
 * security group reaches its Aurora cluster and cache too (they share them): count planted findings on hero-only
 * stacks.
 *
 * `generateStack({ wide: true })` adds one after every hero unit. The benchmark's stacks stay hero-only (the issue
 * fixes their make-up); the wide ones are for `tests/policies/linearity.test.ts`, which checks that every graph
 * rule's work grows in proportion to the stack for every type it reads, not only for the hero's.
 */
import type { DeclaredResource } from "../harness/types";
import { arn, ACCOUNT, type Builder, ec2, physical, REGION, tags } from "./synthetic-builder";

export const WIDE_TYPES = {
    defaultRouteTable: "aws:ec2/defaultRouteTable:DefaultRouteTable",
    mainRouteTableAssociation: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    flowLog: "aws:ec2/flowLog:FlowLog",
    auroraCluster: "aws:rds/cluster:Cluster",
    auroraInstance: "aws:rds/clusterInstance:ClusterInstance",
    cacheSubnetGroup: "aws:elasticache/subnetGroup:SubnetGroup",
    cacheReplicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    asg: "aws:autoscaling/group:Group",
    asgPolicy: "aws:autoscaling/policy:Policy",
    instance: "aws:ec2/instance:Instance",
    dlmPolicy: "aws:dlm/lifecyclePolicy:LifecyclePolicy",
    backupSelection: "aws:backup/selection:Selection",
    ecrRepository: "aws:ecr/repository:Repository",
} as const;

/** Resources in one wide unit. */
export const WIDE_UNIT_SIZE = 16;

/** What a hero unit declared that its wide unit refers to. */
export interface HeroParts {
    unit: number;
    /** `u<unit>-`: every name in the unit starts with it. */
    prefix: string;
    vpc: DeclaredResource;
    privateSubnets: DeclaredResource[];
    dbSubnets: DeclaredResource[];
    privateRouteTable: DeclaredResource;
    lbSecurityGroup: DeclaredResource;
    appSecurityGroup: DeclaredResource;
    dbSecurityGroup: DeclaredResource;
    dbSubnetGroup: DeclaredResource;
}

/** Declares the wide unit of hero unit `hero.unit`. */
export function addWideUnit(b: Builder, hero: HeroParts): void {
    const { unit: u, prefix: p, vpc } = hero;
    const id = (r: DeclaredResource) => b.ref(r, (o) => o.id);
    const name = (r: DeclaredResource) => b.ref(r, (o) => o.name);

    // The VPC's own route table and security group, managed by the program, and its main table made explicit.
    b.add(WIDE_TYPES.defaultRouteTable, `${p}default-rt`, { defaultRouteTableId: b.ref(vpc, (o) => o.mainRouteTableId), routes: [], tags: tags(`${p}default-rt`, u) }, (hex) => ({
        id: String(vpc.outputs.mainRouteTableId ?? `rtb-${hex}`),
        outputs: { vpcId: vpc.id ?? "", ownerId: ACCOUNT },
    }));
    b.add(WIDE_TYPES.mainRouteTableAssociation, `${p}main-rta`, { vpcId: id(vpc), routeTableId: id(hero.privateRouteTable) }, (hex) => ({
        id: `rtbassoc-${hex}`,
        outputs: { originalRouteTableId: String(vpc.outputs.mainRouteTableId ?? "") },
    }));
    b.add(WIDE_TYPES.defaultSecurityGroup, `${p}default-sg`, { vpcId: id(vpc), ingress: [], egress: [], tags: tags(`${p}default-sg`, u) }, (hex) => ({
        id: String(vpc.outputs.defaultSecurityGroupId ?? `sg-${hex}`),
        outputs: { arn: arn("ec2", "security-group", `sg-${hex}`), name: "default", ownerId: ACCOUNT },
    }));
    b.add(
        WIDE_TYPES.sgRule,
        `${p}app-metrics-from-lb`,
        { type: "ingress", securityGroupId: id(hero.appSecurityGroup), sourceSecurityGroupId: id(hero.lbSecurityGroup), protocol: "tcp", fromPort: 9090, toPort: 9090, description: "Metrics from the load balancer" },
        (hex) => ({ id: `sgrule-${parseInt(hex.slice(0, 8), 16)}`, outputs: { securityGroupRuleId: `sgr-${hex}` } }),
    );
    b.add(WIDE_TYPES.flowLog, `${p}flow-log`, { vpcId: id(vpc), trafficType: "ALL", logDestinationType: "s3", logDestination: `arn:aws:s3:::${p}flow-logs`, tags: tags(`${p}flow-log`, u) }, ec2("fl", "vpc-flow-log"));

    // Aurora: a cluster and two instances in the database subnets.
    const aurora = b.add(
        WIDE_TYPES.auroraCluster,
        `${p}aurora`,
        {
            engine: "aurora-postgresql",
            engineMode: "provisioned",
            serverlessv2ScalingConfiguration: { minCapacity: 0.5, maxCapacity: 4 },
            storageEncrypted: true,
            manageMasterUserPassword: true,
            masterUsername: "app",
            dbSubnetGroupName: name(hero.dbSubnetGroup),
            vpcSecurityGroupIds: b.list([id(hero.dbSecurityGroup)]),
            backupRetentionPeriod: 7,
            deletionProtection: true,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${p}aurora-final`,
            tags: tags(`${p}aurora`, u),
        },
        (hex) => {
            const identifier = physical(`${p}aurora`, hex);
            return { id: identifier, outputs: { clusterIdentifier: identifier, arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${identifier}`, endpoint: `${identifier}.cluster-c${hex.slice(0, 10)}.${REGION}.rds.amazonaws.com` } };
        },
    );
    for (const i of [0, 1]) {
        b.add(
            WIDE_TYPES.auroraInstance,
            `${p}aurora-${i}`,
            { clusterIdentifier: id(aurora), instanceClass: "db.serverless", engine: "aurora-postgresql", publiclyAccessible: false, dbSubnetGroupName: name(hero.dbSubnetGroup), tags: tags(`${p}aurora-${i}`, u) },
            (hex) => {
                const identifier = physical(`${p}aurora-${i}`, hex);
                return { id: identifier, outputs: { identifier, arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${identifier}` } };
            },
        );
    }

    // Redis with automatic multi-AZ failover.
    const cacheSubnets = b.add(WIDE_TYPES.cacheSubnetGroup, `${p}cache-subnets`, { subnetIds: b.list(hero.dbSubnets.map(id)), description: "Cache subnets", tags: tags(`${p}cache-subnets`, u) }, (hex) => {
        const groupName = physical(`${p}cache-subnets`, hex);
        return { id: groupName, outputs: { name: groupName, arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:subnetgroup:${groupName}`, vpcId: vpc.id ?? "" } };
    });
    b.add(
        WIDE_TYPES.cacheReplicationGroup,
        `${p}cache`,
        {
            description: "Sessions and cache",
            engine: "redis",
            nodeType: "cache.t4g.small",
            numCacheClusters: 2,
            automaticFailoverEnabled: true,
            multiAzEnabled: true,
            atRestEncryptionEnabled: true,
            transitEncryptionEnabled: true,
            snapshotRetentionLimit: 7,
            subnetGroupName: name(cacheSubnets),
            securityGroupIds: b.list([id(hero.dbSecurityGroup)]),
            tags: tags(`${p}cache`, u),
        },
        (hex) => {
            const groupId = physical(`${p}cache`, hex).toLowerCase();
            return { id: groupId, outputs: { arn: `arn:aws:elasticache:${REGION}:${ACCOUNT}:replicationgroup:${groupId}`, primaryEndpointAddress: `master.${groupId}.${hex.slice(0, 6)}.use1.cache.amazonaws.com` } };
        },
    );

    // Workers: an autoscaling group from a launch template (IMDSv2, encrypted volume), scaled on CPU.
    const template = b.add(
        WIDE_TYPES.launchTemplate,
        `${p}workers-lt`,
        {
            imageId: "ami-0abcdef1234567890",
            instanceType: "t4g.small",
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20, volumeType: "gp3" } }],
            vpcSecurityGroupIds: b.list([id(hero.appSecurityGroup)]),
            tags: tags(`${p}workers-lt`, u),
        },
        (hex) => ({ id: `lt-${hex}`, outputs: { arn: arn("ec2", "launch-template", `lt-${hex}`), latestVersion: 1 } }),
    );
    const workers = b.add(
        WIDE_TYPES.asg,
        `${p}workers`,
        { minSize: 1, maxSize: 4, desiredCapacity: 2, vpcZoneIdentifiers: b.list(hero.privateSubnets.map(id)), launchTemplate: { id: id(template), version: "$Latest" }, healthCheckType: "EC2" },
        (hex) => {
            const groupName = physical(`${p}workers`, hex);
            return { id: groupName, outputs: { name: groupName, arn: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:autoScalingGroup:${hex}:autoScalingGroupName/${groupName}` } };
        },
    );
    b.add(
        WIDE_TYPES.asgPolicy,
        `${p}workers-cpu`,
        { autoscalingGroupName: name(workers), policyType: "TargetTrackingScaling", targetTrackingConfiguration: { targetValue: 60, predefinedMetricSpecification: { predefinedMetricType: "ASGAverageCPUUtilization" } } },
        (hex) => ({ id: `${p}workers-cpu`, outputs: { arn: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:scalingPolicy:${hex}:autoScalingGroupName/${p}workers:policyName/${p}workers-cpu` } }),
    );

    // One EC2 instance run the zero stage's way, with its snapshots: DLM by tag (even units) or AWS Backup (odd).
    const snapshotTag = { Snapshot: `${p}daily` };
    const box = b.add(
        WIDE_TYPES.instance,
        `${p}box`,
        {
            ami: "ami-0abcdef1234567890",
            instanceType: "t4g.small",
            subnetId: id(hero.privateSubnets[0]),
            vpcSecurityGroupIds: b.list([id(hero.appSecurityGroup)]),
            metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
            rootBlockDevice: { encrypted: true, volumeSize: 20, volumeType: "gp3" },
            tags: { ...tags(`${p}box`, u), "runway:stage": "zero", ...snapshotTag },
        },
        ec2("i", "instance"),
    );
    if (u % 2 === 0) {
        b.add(
            WIDE_TYPES.dlmPolicy,
            `${p}snapshots`,
            {
                description: `Daily snapshots of ${p}box`,
                executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/dlm-lifecycle`,
                state: "ENABLED",
                policyDetails: { resourceTypes: ["VOLUME"], targetTags: snapshotTag, schedules: [{ name: "daily", createRule: { interval: 24, intervalUnit: "HOURS" }, retainRule: { count: 7 } }] },
            },
            (hex) => ({ id: `policy-${hex}`, outputs: { arn: `arn:aws:dlm:${REGION}:${ACCOUNT}:policy/policy-${hex}` } }),
        );
    } else {
        b.add(
            WIDE_TYPES.backupSelection,
            `${p}backup`,
            { name: `${p}backup`, planId: `plan-${u}`, iamRoleArn: `arn:aws:iam::${ACCOUNT}:role/backup`, resources: b.list([b.ref(box, (o) => o.arn)]) },
            (hex) => ({ id: `sel-${hex}`, outputs: {} }),
        );
    }

    b.add(
        WIDE_TYPES.ecrRepository,
        `${p}app-repo`,
        { imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, encryptionConfigurations: [{ encryptionType: "KMS" }], forceDelete: false, tags: tags(`${p}app-repo`, u) },
        (hex) => {
            const repo = physical(`${p}app-repo`, hex);
            return { id: repo, outputs: { name: repo, arn: arn("ecr", "repository", repo), repositoryUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${repo}` } };
        },
    );
}
