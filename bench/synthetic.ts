/**
 * Synthetic stacks for the benchmark: many copies of Runway's hero building blocks, built directly as
 * `DeclaredResource`s (running a program would be far too slow at 100k resources), with a known set of planted
 * violations.
 *
 * One "unit" is what a hero stage declares for one application: a VPC with an internet gateway, public, private
 * and database subnets in two AZs, a NAT gateway, public and private route tables with explicit associations and
 * separate `aws:ec2/route:Route`s, load-balancer / app / database security groups with separate ingress and egress
 * rules, an application load balancer (HTTPS listener, target group), an RDS instance and its subnet group, two S3 buckets each with a separate SSE configuration and public
 * access block, and an ECS cluster, task definition and service with an autoscaling target and policy.
 *
 * Modes, as the engine hands them to an analyzer:
 * - `preview`: nothing the provider computes is known. Every property that references another resource is the
 *   `UNKNOWN_STRING` sentinel; the link survives only in `propertyDependencies`. Outputs are the inputs.
 * - `update`: ids and names are known and AWS-shaped (`vpc-…`, `subnet-…`, `sg-…`, a bucket's id is its name,
 *   ECS ids are ARNs), outputs carry the provider's computed attributes.
 *
 * `wide: true` follows each hero unit with a wide unit (`synthetic-wide.ts`): the other types Runway's graph rules
 * read, for tests that every rule's work grows in proportion to the stack. The benchmark's stacks are hero-only.
 *
 * Property names and type tokens are those of `@pulumi/aws` 7. Everything is derived from a seed.
 */
import type { DeclaredResource, ProgramRun } from "../harness/types";
import { AZS, Builder, arn, ACCOUNT, ec2, physical, PROJECT, REGION, STACK, STAGE, STAGE_TAG, tags, type Mode, type TaggedRef } from "./synthetic-builder";

import { addWideUnit, WIDE_UNIT_SIZE, type HeroParts } from "./synthetic-wide";

export type { Mode } from "./synthetic-builder";
export { PROJECT, STACK } from "./synthetic-builder";

/** The kinds of violation the generator plants, one per planted unit, in this order round-robin. */
export const PLANTED_KINDS = [
    "rds-public",
    "rds-unencrypted",
    "sg-ssh-world",
    "bucket-no-sse",
    "db-subnet-igw",
    "ecs-no-autoscaling",
    "db-sg-world",
    "bucket-no-public-access-block",
] as const;
export type PlantedKind = (typeof PLANTED_KINDS)[number];

/** One planted violation: the resource a pack should name, and the others it may name instead. */
export interface PlantedViolation {
    kind: PlantedKind;
    /** The resource the violation is about (the pack is expected to report this URN). */
    urn: string;
    /** Other URNs on the same finding path that a pack may legitimately report it on instead. */
    alsoAcceptable: string[];
}

export interface SyntheticStack {
    run: ProgramRun;
    planted: PlantedViolation[];
    /** Hero units generated (the rest of the resources are filler buckets / rules to reach the exact size). */
    units: number;
}

export interface GenerateOptions {
    /** Exact number of resources to generate (≥ 100). */
    resources: number;
    mode: Mode;
    /** Default 13. The same seed, size and mode always give the same stack. */
    seed?: number;
    /** Plant a violation in every n-th unit. Default 3. */
    plantEvery?: number;
    /** Follow every hero unit with its wide unit (`synthetic-wide.ts`: every other type the graph rules read). Default false. */
    wide?: boolean;
}

export const TYPES = {
    vpc: "aws:ec2/vpc:Vpc",
    igw: "aws:ec2/internetGateway:InternetGateway",
    subnet: "aws:ec2/subnet:Subnet",
    eip: "aws:ec2/eip:Eip",
    nat: "aws:ec2/natGateway:NatGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    route: "aws:ec2/route:Route",
    association: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    dbSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
    db: "aws:rds/instance:Instance",
    bucket: "aws:s3/bucket:Bucket",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    publicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    cluster: "aws:ecs/cluster:Cluster",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    listener: "aws:lb/listener:Listener",
    scalingTarget: "aws:appautoscaling/target:Target",
    scalingPolicy: "aws:appautoscaling/policy:Policy",
} as const;

/** The largest unit (an unplanted one with every resource); units are added while this many still fit. */
const MAX_UNIT_SIZE = 46;


/** Declares one hero unit; returns the planted violation, if the unit has one, and what a wide unit refers to. */
function addUnit(b: Builder, u: number, plant: PlantedKind | undefined): { planted: PlantedViolation | undefined; parts: HeroParts } {
    const p = `u${u}-`;
    const octet2 = u % 256;
    const octet1 = 10 + Math.floor(u / 256) % 246;
    const cidr = (third: number) => `${octet1}.${octet2}.${third}.0/24`;
    const azs = [b.pick(AZS.slice(0, 2)), b.pick(AZS.slice(2))];

    const vpc = b.add(TYPES.vpc, `${p}vpc`, { cidrBlock: `${octet1}.${octet2}.0.0/16`, enableDnsHostnames: true, enableDnsSupport: true, tags: tags(`${p}vpc`, u) }, (hex) =>
        ec2("vpc", "vpc", () => ({ mainRouteTableId: `rtb-${hex.split("").reverse().join("")}`, defaultSecurityGroupId: `sg-${hex.slice(1)}0`, tagsAll: tags(`${p}vpc`, u) }))(hex),
    );
    const vpcId = () => b.ref(vpc, (o) => o.id);
    const igw = b.add(TYPES.igw, `${p}igw`, { vpcId: vpcId(), tags: tags(`${p}igw`, u) }, ec2("igw", "internet-gateway"));

    const subnet = (role: string, i: number, third: number, isPublic: boolean) =>
        b.add(
            TYPES.subnet,
            `${p}${role}-${i}`,
            { vpcId: vpcId(), cidrBlock: cidr(third), availabilityZone: azs[i], mapPublicIpOnLaunch: isPublic, tags: tags(`${p}${role}-${i}`, u) },
            ec2("subnet", "subnet"),
        );
    const publicSubnets = [subnet("public", 0, 0, true), subnet("public", 1, 1, true)];
    const privateSubnets = [subnet("private", 0, 10, false), subnet("private", 1, 11, false)];
    const dbSubnets = [subnet("db", 0, 20, false), subnet("db", 1, 21, false)];

    const eip = b.add(TYPES.eip, `${p}nat-eip`, { domain: "vpc", tags: tags(`${p}nat-eip`, u) }, (hex) => ({
        id: `eipalloc-${hex}`,
        outputs: { allocationId: `eipalloc-${hex}`, publicIp: `54.${octet2}.${u % 200}.${(u * 7) % 250}` },
    }));
    const nat = b.add(TYPES.nat, `${p}nat`, { allocationId: b.ref(eip, (o) => o.id), subnetId: b.ref(publicSubnets[0], (o) => o.id), connectivityType: "public", tags: tags(`${p}nat`, u) }, ec2("nat", "natgateway"));

    const publicRt = b.add(TYPES.routeTable, `${p}public-rt`, { vpcId: vpcId(), tags: tags(`${p}public-rt`, u) }, ec2("rtb", "route-table"));
    const privateRt = b.add(TYPES.routeTable, `${p}private-rt`, { vpcId: vpcId(), tags: tags(`${p}private-rt`, u) }, ec2("rtb", "route-table"));
    b.add(TYPES.route, `${p}public-default`, { routeTableId: b.ref(publicRt, (o) => o.id), destinationCidrBlock: "0.0.0.0/0", gatewayId: b.ref(igw, (o) => o.id) }, (hex) => ({ id: `r-${hex}`, outputs: { origin: "CreateRoute", state: "active" } }));
    b.add(TYPES.route, `${p}private-default`, { routeTableId: b.ref(privateRt, (o) => o.id), destinationCidrBlock: "0.0.0.0/0", natGatewayId: b.ref(nat, (o) => o.id) }, (hex) => ({ id: `r-${hex}`, outputs: { origin: "CreateRoute", state: "active" } }));
    const associations: DeclaredResource[] = [];
    const associate = (subnetRes: DeclaredResource, table: DeclaredResource) =>
        associations.push(
            b.add(TYPES.association, `${subnetRes.name}-rta`, { subnetId: b.ref(subnetRes, (o) => o.id), routeTableId: b.ref(table, (o) => o.id) }, (hex) => ({ id: `rtbassoc-${hex}`, outputs: {} })),
        );
    publicSubnets.forEach((s) => associate(s, publicRt));
    privateSubnets.forEach((s) => associate(s, privateRt));
    // The planted "database subnet routed to an internet gateway": db subnet 0 joins the public route table.
    dbSubnets.forEach((s, i) => associate(s, plant === "db-subnet-igw" && i === 0 ? publicRt : privateRt));

    const sg = (role: string, description: string) =>
        b.add(TYPES.sg, `${p}${role}-sg`, { vpcId: vpcId(), description, revokeRulesOnDelete: true, tags: tags(`${p}${role}-sg`, u) }, (hex) => {
            const id = `sg-${hex}`;
            return { id, outputs: { arn: arn("ec2", "security-group", id), name: physical(`${p}${role}-sg`, hex), ownerId: ACCOUNT } };
        });
    const lbSg = sg("lb", "Load balancer: HTTPS from the internet");
    const appSg = sg("app", "Service tasks: from the load balancer only");
    const dbSg = sg("db", "Database: from the service tasks only");
    const ruleOutputs = (hex: string) => ({ id: `sgr-${hex}`, outputs: { arn: arn("ec2", "security-group-rule", `sgr-${hex}`), securityGroupRuleId: `sgr-${hex}` } });
    const ingress = (name: string, target: DeclaredResource, port: number, source: { cidrIpv4: string } | { referencedSecurityGroupId: TaggedRef }, description: string) =>
        b.add(TYPES.ingress, `${p}${name}`, { securityGroupId: b.ref(target, (o) => o.id), ipProtocol: "tcp", fromPort: port, toPort: port, description, ...source }, ruleOutputs);
    ingress("lb-https", lbSg, 443, { cidrIpv4: "0.0.0.0/0" }, "HTTPS from the internet");
    ingress("app-from-lb", appSg, 8080, { referencedSecurityGroupId: b.ref(lbSg, (o) => o.id) }, "Load balancer to tasks");
    ingress("db-from-app", dbSg, 5432, { referencedSecurityGroupId: b.ref(appSg, (o) => o.id) }, "Tasks to the database");
    for (const [role, group] of [["lb", lbSg], ["app", appSg], ["db", dbSg]] as const) {
        b.add(TYPES.egress, `${p}${role}-egress`, { securityGroupId: b.ref(group, (o) => o.id), ipProtocol: "-1", cidrIpv4: "0.0.0.0/0", description: "All egress" }, ruleOutputs);
    }
    let planted: PlantedViolation | undefined;
    if (plant === "sg-ssh-world") {
        const rule = ingress("app-ssh", appSg, 22, { cidrIpv4: "0.0.0.0/0" }, "SSH for debugging");
        planted = { kind: plant, urn: rule.urn, alsoAcceptable: [appSg.urn] };
    }
    if (plant === "db-sg-world") {
        const rule = ingress("db-world", dbSg, 5432, { cidrIpv4: "0.0.0.0/0" }, "Postgres from anywhere");
        planted = { kind: plant, urn: rule.urn, alsoAcceptable: [dbSg.urn] };
    }

    const subnetGroup = b.add(
        TYPES.dbSubnetGroup,
        `${p}db-subnets`,
        { subnetIds: b.list(dbSubnets.map((s) => b.ref(s, (o) => o.id))), description: "Database subnets", tags: tags(`${p}db-subnets`, u) },
        (hex) => {
            const name = physical(`${p}db-subnets`, hex);
            return { id: name, outputs: { name, arn: `arn:aws:rds:${REGION}:${ACCOUNT}:subgrp:${name}`, vpcId: vpc.id ?? "" } };
        },
    );
    const db = b.add(
        TYPES.db,
        `${p}db`,
        {
            engine: "postgres",
            engineVersion: b.pick(["16.4", "16.6", "17.2"]),
            instanceClass: b.pick(["db.t4g.medium", "db.t4g.large", "db.m7g.large"]),
            allocatedStorage: b.pick([20, 50, 100]),
            storageType: "gp3",
            storageEncrypted: plant !== "rds-unencrypted",
            publiclyAccessible: plant === "rds-public",
            dbName: "app",
            username: "app",
            manageMasterUserPassword: true,
            dbSubnetGroupName: b.ref(subnetGroup, (o) => o.name),
            vpcSecurityGroupIds: b.list([b.ref(dbSg, (o) => o.id)]),
            backupRetentionPeriod: 7,
            multiAz: false,
            deletionProtection: true,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${p}db-final`,
            copyTagsToSnapshot: true,
            tags: tags(`${p}db`, u),
        },
        (hex) => {
            const identifier = physical(`${p}db`, hex);
            const address = `${identifier}.c${hex.slice(0, 10)}.${REGION}.rds.amazonaws.com`;
            return { id: `db-${hex.toUpperCase().slice(0, 16)}`, outputs: { identifier, arn: `arn:aws:rds:${REGION}:${ACCOUNT}:db:${identifier}`, address, endpoint: `${address}:5432`, port: 5432 } };
        },
    );
    if (plant === "rds-public" || plant === "rds-unencrypted") {
        planted = { kind: plant, urn: db.urn, alsoAcceptable: [] };
    }
    if (plant === "db-subnet-igw") {
        planted = { kind: plant, urn: db.urn, alsoAcceptable: [dbSubnets[0].urn, subnetGroup.urn, associations[4].urn, publicRt.urn] };
    }
    if (plant === "db-sg-world" && planted) {
        planted.alsoAcceptable.push(db.urn);
    }

    for (const [i, role] of ["assets", "uploads"].entries()) {
        const bucket = b.add(TYPES.bucket, `${p}${role}`, { forceDestroy: false, tags: tags(`${p}${role}`, u) }, (hex) => {
            const name = physical(`${p}${role}`, hex);
            return { id: name, outputs: { bucket: name, arn: `arn:aws:s3:::${name}`, bucketDomainName: `${name}.s3.amazonaws.com`, region: REGION } };
        });
        const bucketRef = () => b.ref(bucket, (o) => o.id);
        if (!(plant === "bucket-no-sse" && i === 0)) {
            b.add(TYPES.sse, `${p}${role}-sse`, { bucket: bucketRef(), rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }] }, (hex) => ({ id: String(bucket.id ?? hex), outputs: {} }));
        } else {
            planted = { kind: "bucket-no-sse", urn: bucket.urn, alsoAcceptable: [] };
        }
        if (!(plant === "bucket-no-public-access-block" && i === 1)) {
            b.add(
                TYPES.publicAccessBlock,
                `${p}${role}-public-access`,
                { bucket: bucketRef(), blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
                (hex) => ({ id: String(bucket.id ?? hex), outputs: {} }),
            );
        } else {
            planted = { kind: "bucket-no-public-access-block", urn: bucket.urn, alsoAcceptable: [] };
        }
    }

    const cluster = b.add(TYPES.cluster, `${p}cluster`, { settings: [{ name: "containerInsights", value: "enabled" }], tags: tags(`${p}cluster`, u) }, (hex) => {
        const name = physical(`${p}cluster`, hex);
        const clusterArn = arn("ecs", "cluster", name);
        return { id: clusterArn, outputs: { name, arn: clusterArn } };
    });
    const containerDefinitions = JSON.stringify([{ name: "app", image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/app:${u}`, essential: true, portMappings: [{ containerPort: 8080, protocol: "tcp" }] }]);
    const taskDefinition = b.add(
        TYPES.taskDefinition,
        `${p}task`,
        { family: `${p}app`, cpu: "512", memory: "1024", networkMode: "awsvpc", requiresCompatibilities: ["FARGATE"], containerDefinitions, tags: tags(`${p}task`, u) },
        () => {
            const taskArn = arn("ecs", "task-definition", `${p}app:1`);
            return { id: `${p}app`, outputs: { arn: taskArn, revision: 1, arnWithoutRevision: arn("ecs", "task-definition", `${p}app`) } };
        },
    );
    const lb = b.add(
        TYPES.loadBalancer,
        `${p}alb`,
        {
            loadBalancerType: "application",
            internal: false,
            securityGroups: b.list([b.ref(lbSg, (o) => o.id)]),
            subnets: b.list(publicSubnets.map((s) => b.ref(s, (o) => o.id))),
            dropInvalidHeaderFields: true,
            enableDeletionProtection: false,
            tags: tags(`${p}alb`, u),
        },
        (hex) => {
            const name = physical(`${p}alb`, hex);
            const lbArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${name}/${hex.slice(0, 16)}`;
            return { id: lbArn, outputs: { arn: lbArn, name, dnsName: `${name}-${hex.slice(0, 10)}.${REGION}.elb.amazonaws.com`, zoneId: "Z35SXDOTRQ7X7K" } };
        },
    );
    const targetGroup = b.add(
        TYPES.targetGroup,
        `${p}tg`,
        { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: vpcId(), healthCheck: { path: "/health", matcher: "200" }, tags: tags(`${p}tg`, u) },
        (hex) => {
            const name = physical(`${p}tg`, hex);
            const tgArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${name}/${hex.slice(0, 16)}`;
            return { id: tgArn, outputs: { arn: tgArn, name } };
        },
    );
    b.add(
        TYPES.listener,
        `${p}https`,
        {
            loadBalancerArn: b.ref(lb, (o) => o.arn),
            port: 443,
            protocol: "HTTPS",
            sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
            certificateArn: `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/${b.hex(8)}-${b.hex(4)}-${b.hex(4)}-${b.hex(4)}-${b.hex(12)}`,
            defaultActions: [{ type: "forward", targetGroupArn: b.ref(targetGroup, (o) => o.arn) }],
        },
        (hex) => {
            const listenerArn = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/${hex.slice(0, 12)}`;
            return { id: listenerArn, outputs: { arn: listenerArn } };
        },
    );
    const service = b.add(
        TYPES.service,
        `${p}service`,
        {
            cluster: b.ref(cluster, (o) => o.arn),
            taskDefinition: b.ref(taskDefinition, (o) => o.arn),
            desiredCount: 2,
            launchType: "FARGATE",
            networkConfiguration: { subnets: b.list(privateSubnets.map((s) => b.ref(s, (o) => o.id))), securityGroups: b.list([b.ref(appSg, (o) => o.id)]), assignPublicIp: false },
            loadBalancers: [{ targetGroupArn: b.ref(targetGroup, (o) => o.arn), containerName: "app", containerPort: 8080 }],
            deploymentCircuitBreaker: { enable: true, rollback: true },
            tags: tags(`${p}service`, u),
        },
        (hex) => {
            const name = physical(`${p}service`, hex);
            const serviceArn = `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${String(cluster.outputs.name)}/${name}`;
            return { id: serviceArn, outputs: { name, arn: serviceArn } };
        },
    );
    if (plant === "ecs-no-autoscaling") {
        planted = { kind: plant, urn: service.urn, alsoAcceptable: [] };
    } else {
        const resourceId = b.join([b.ref(cluster, (o) => o.name), b.ref(service, (o) => o.name)], ([c, s]) => `service/${String(c)}/${String(s)}`);
        const target = b.add(
            TYPES.scalingTarget,
            `${p}scaling-target`,
            { serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount", resourceId, minCapacity: 2, maxCapacity: 10 },
            (hex) => ({ id: `${String(resourceId.value)}`, outputs: { arn: `arn:aws:application-autoscaling:${REGION}:${ACCOUNT}:scalable-target/${hex}`, roleArn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService` } }),
        );
        b.add(
            TYPES.scalingPolicy,
            `${p}cpu-scaling`,
            {
                policyType: "TargetTrackingScaling",
                serviceNamespace: b.ref(target, (o) => o.serviceNamespace),
                scalableDimension: b.ref(target, (o) => o.scalableDimension),
                resourceId: b.ref(target, (o) => o.resourceId),
                targetTrackingScalingPolicyConfiguration: { targetValue: 70, scaleInCooldown: 60, scaleOutCooldown: 60, predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" } },
            },
            (hex) => ({ id: `${p}cpu-scaling`, outputs: { arn: `arn:aws:autoscaling:${REGION}:${ACCOUNT}:scalingPolicy:${hex}:resource/ecs/${String(resourceId.value)}:policyName/${p}cpu-scaling`, alarmArns: [] } }),
        );
    }
    const parts: HeroParts = { unit: u, prefix: p, vpc, privateSubnets, dbSubnets, privateRouteTable: privateRt, lbSecurityGroup: lbSg, appSecurityGroup: appSg, dbSecurityGroup: dbSg, dbSubnetGroup: subnetGroup };
    return { planted, parts };
}

/** Filler to reach the exact size: compliant buckets (bucket + SSE + public access block), then egress rules. */
function addFiller(b: Builder, count: number): void {
    let i = 0;
    while (count - i >= 3) {
        const name = `filler-${i / 3}`;
        const bucket = b.add(TYPES.bucket, name, { forceDestroy: false, tags: { Name: name, [STAGE_TAG]: STAGE } }, (hex) => {
            const physicalName = physical(name, hex);
            return { id: physicalName, outputs: { bucket: physicalName, arn: `arn:aws:s3:::${physicalName}`, region: REGION } };
        });
        b.add(TYPES.sse, `${name}-sse`, { bucket: b.ref(bucket, (o) => o.id), rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }, (hex) => ({ id: String(bucket.id ?? hex), outputs: {} }));
        b.add(TYPES.publicAccessBlock, `${name}-public-access`, { bucket: b.ref(bucket, (o) => o.id), blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, (hex) => ({
            id: String(bucket.id ?? hex),
            outputs: {},
        }));
        i += 3;
    }
    const lbSg = b.resources.find((r) => r.type === TYPES.sg);
    for (let k = 0; i < count; i++, k++) {
        if (!lbSg) {
            throw new Error("filler egress rules need a security group: generate at least one unit");
        }
        b.add(TYPES.egress, `filler-egress-${k}`, { securityGroupId: b.ref(lbSg, (o) => o.id), ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: "HTTPS egress" }, (hex) => ({ id: `sgr-${hex}`, outputs: {} }));
    }
}

/** Builds a synthetic stack of exactly `options.resources` resources. */
export function generateStack(options: GenerateOptions): SyntheticStack {
    if (!Number.isInteger(options.resources) || options.resources < 100) {
        throw new Error(`resources must be an integer ≥ 100 (one hero unit is up to ${MAX_UNIT_SIZE} resources); got ${options.resources}`);
    }
    const plantEvery = options.plantEvery ?? 3;
    const b = new Builder(options.mode, options.seed ?? 13);
    const planted: PlantedViolation[] = [];
    let units = 0;
    const unitSize = MAX_UNIT_SIZE + (options.wide ? WIDE_UNIT_SIZE : 0);
    while (options.resources - b.resources.length >= unitSize) {
        const plant = units % plantEvery === 1 ? PLANTED_KINDS[Math.floor(units / plantEvery) % PLANTED_KINDS.length] : undefined;
        const { planted: violation, parts } = addUnit(b, units, plant);
        if (options.wide) {
            addWideUnit(b, parts);
        }
        if (plant && !violation) {
            throw new Error(`unit ${units}: planted ${plant} but recorded nothing`);
        }
        if (violation) {
            planted.push(violation);
        }
        units++;
    }
    addFiller(b, options.resources - b.resources.length);
    const run: ProgramRun = {
        project: PROJECT,
        stack: STACK,
        preview: options.mode === "preview",
        program: "bench/synthetic.ts",
        resources: b.resources,
        outputs: {},
        config: { "runway:stage": STAGE },
    };
    return { run, planted, units };
}

/** How many planted violations of each kind a stack holds. */
export function countByKind(planted: PlantedViolation[]): Record<PlantedKind, number> {
    const counts = Object.fromEntries(PLANTED_KINDS.map((k) => [k, 0])) as Record<PlantedKind, number>;
    for (const v of planted) {
        counts[v.kind]++;
    }
    return counts;
}
