import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";
import { availabilityZone, subnetCidr, TIER_OFFSET } from "./cidr";

/** Arguments of the network block. */
export interface NetworkArgs {
    /**
     * AWS region; AZs are `<region>a`, `<region>b`, ...
     * @default `CONFIG_SCHEMA.region` (`us-east-1`), through `runway:region`
     */
    readonly region: string;
    /**
     * VPC IPv4 CIDR (/16../20).
     * @default `CONFIG_SCHEMA.vpcCidr` (`10.0.0.0/16`), through `runway:vpcCidr`
     */
    readonly cidr: string;
    /**
     * Availability zones to span (1 for zero, 2..6 otherwise).
     * @default `CONFIG_SCHEMA.azCount` (hero 2, enterprise 3; zero always 1), through `runway:azCount`
     */
    readonly azCount: number;
    /** false (zero): public subnets only; true (hero, enterprise): add private app and data subnets. */
    readonly privateSubnets: boolean;
    /**
     * NAT gateways for the app subnets: none, one shared, or one per AZ. Ignored without private subnets.
     * @default from `CONFIG_SCHEMA.natPerAz` (hero `single`, enterprise `perAz`; zero `none`), through `runway:natPerAz`
     */
    readonly nat: "none" | "single" | "perAz";
}

/**
 * A VPC from plain `@pulumi/aws` resources, so policies can see every route:
 * - public subnets (load balancer, NAT, zero's instance): route 0.0.0.0/0 → internet gateway;
 * - app subnets (Fargate tasks): route 0.0.0.0/0 → NAT gateway of their AZ (or the shared one);
 * - data subnets (RDS, Aurora, Redis): one route table with no route at all beyond the VPC-local one.
 * Every subnet has an explicit route table association; the VPC's main route table and default security
 * group are adopted and left empty, so nothing falls back to a route or rule nobody declared.
 */
export class Network extends pulumi.ComponentResource {
    /** VPC id. */
    readonly vpcId: pulumi.Output<string>;
    /** VPC CIDR. */
    readonly vpcCidr: pulumi.Output<string>;
    /** Public subnet ids, one per AZ. */
    readonly publicSubnetIds: pulumi.Output<string>[];
    /** Private app subnet ids (egress through NAT), one per AZ. */
    readonly appSubnetIds: pulumi.Output<string>[];
    /** Private data subnet ids (no internet route), one per AZ. */
    readonly dataSubnetIds: pulumi.Output<string>[];
    /** Route tables of the app subnets (for gateway endpoints). */
    readonly appRouteTableIds: pulumi.Output<string>[];
    /** Route table of the data subnets. */
    readonly dataRouteTableId: pulumi.Output<string> | undefined;
    /** NAT gateway ids. */
    readonly natGatewayIds: pulumi.Output<string>[];

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:network:Network", name, {}, opts);
        const azs = Array.from({ length: args.azCount }, (_, i) => availabilityZone(args.region, i));

        const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: args.cidr, enableDnsHostnames: true, enableDnsSupport: true }, child(this));
        new aws.ec2.DefaultRouteTable(`${name}-main-rt`, { defaultRouteTableId: vpc.defaultRouteTableId, routes: [] }, child(this));
        new aws.ec2.DefaultSecurityGroup(`${name}-default-sg`, { vpcId: vpc.id, ingress: [], egress: [] }, child(this));
        const igw = new aws.ec2.InternetGateway(`${name}-igw`, { vpcId: vpc.id }, child(this));

        const publicRt = new aws.ec2.RouteTable(`${name}-public-rt`, { vpcId: vpc.id }, child(this));
        new aws.ec2.Route(`${name}-public-default`, { routeTableId: publicRt.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id }, child(this));

        const subnet = (tier: keyof typeof TIER_OFFSET, i: number): aws.ec2.Subnet =>
            new aws.ec2.Subnet(
                `${name}-${tier}-${i}`,
                {
                    vpcId: vpc.id,
                    cidrBlock: subnetCidr(args.cidr, TIER_OFFSET[tier] + i),
                    availabilityZone: azs[i],
                    mapPublicIpOnLaunch: false,
                    tags: { Name: `${name}-${tier}-${azs[i]}`, tier },
                },
                child(this),
            );

        const publicSubnets = azs.map((_, i) => subnet("public", i));
        publicSubnets.forEach((s, i) => new aws.ec2.RouteTableAssociation(`${name}-public-rta-${i}`, { subnetId: s.id, routeTableId: publicRt.id }, child(this)));

        const natGateways: aws.ec2.NatGateway[] = [];
        const appRouteTables: aws.ec2.RouteTable[] = [];
        const appSubnets: aws.ec2.Subnet[] = [];
        const dataSubnets: aws.ec2.Subnet[] = [];
        let dataRt: aws.ec2.RouteTable | undefined;

        if (args.privateSubnets) {
            const natCount = args.nat === "perAz" ? azs.length : args.nat === "single" ? 1 : 0;
            for (let i = 0; i < natCount; i++) {
                const eip = new aws.ec2.Eip(`${name}-nat-eip-${i}`, { domain: "vpc" }, child(this));
                natGateways.push(
                    new aws.ec2.NatGateway(`${name}-nat-${i}`, { allocationId: eip.id, subnetId: publicSubnets[i].id }, child(this, { dependsOn: [igw] })),
                );
            }
            azs.forEach((_, i) => {
                const s = subnet("app", i);
                appSubnets.push(s);
                const rt = new aws.ec2.RouteTable(`${name}-app-rt-${i}`, { vpcId: vpc.id }, child(this));
                appRouteTables.push(rt);
                const nat = natGateways[Math.min(i, natGateways.length - 1)];
                if (nat) {
                    new aws.ec2.Route(`${name}-app-default-${i}`, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: nat.id }, child(this));
                }
                new aws.ec2.RouteTableAssociation(`${name}-app-rta-${i}`, { subnetId: s.id, routeTableId: rt.id }, child(this));
            });
            const dataTable = new aws.ec2.RouteTable(`${name}-data-rt`, { vpcId: vpc.id }, child(this));
            dataRt = dataTable;
            azs.forEach((_, i) => {
                const s = subnet("data", i);
                dataSubnets.push(s);
                new aws.ec2.RouteTableAssociation(`${name}-data-rta-${i}`, { subnetId: s.id, routeTableId: dataTable.id }, child(this));
            });
        }

        this.vpcId = vpc.id;
        this.vpcCidr = vpc.cidrBlock;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.appSubnetIds = appSubnets.map((s) => s.id);
        this.dataSubnetIds = dataSubnets.map((s) => s.id);
        this.appRouteTableIds = appRouteTables.map((rt) => rt.id);
        this.dataRouteTableId = dataRt?.id;
        this.natGatewayIds = natGateways.map((n) => n.id);
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            appSubnetIds: this.appSubnetIds,
            dataSubnetIds: this.dataSubnetIds,
            natGatewayIds: this.natGatewayIds,
        });
    }
}
