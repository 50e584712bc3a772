import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the VPC endpoints. */
export interface EndpointsArgs {
    /**
     * Region (service names).
     * @default `CONFIG_SCHEMA.region` (`us-east-1`), through `runway:region`
     */
    readonly region: string;
    /** VPC. */
    readonly vpcId: pulumi.Input<string>;
    /** Subnets of the interface endpoints (app subnets). */
    readonly subnetIds: pulumi.Input<string>[];
    /** Route tables the S3 gateway endpoint joins (app and data). */
    readonly routeTableIds: pulumi.Input<string>[];
    /** Security group admitting HTTPS from the VPC. */
    readonly securityGroupId: pulumi.Input<string>;
}

/** Interface endpoints: image pulls, logs, secrets and parameters stay off the NAT gateways. */
export const INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm"] as const;

/** An S3 gateway endpoint and private-DNS interface endpoints for the services the tasks call. */
export class Endpoints extends pulumi.ComponentResource {
    /** Endpoint ids by service. */
    readonly endpointIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: EndpointsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:network:Endpoints", name, {}, opts);
        this.endpointIds = {};
        this.endpointIds.s3 = new aws.ec2.VpcEndpoint(
            `${name}-s3`,
            { vpcId: args.vpcId, serviceName: `com.amazonaws.${args.region}.s3`, vpcEndpointType: "Gateway", routeTableIds: args.routeTableIds },
            child(this),
        ).id;
        for (const service of INTERFACE_ENDPOINTS) {
            this.endpointIds[service] = new aws.ec2.VpcEndpoint(
                `${name}-${service.replace(".", "-")}`,
                {
                    vpcId: args.vpcId,
                    serviceName: `com.amazonaws.${args.region}.${service}`,
                    vpcEndpointType: "Interface",
                    privateDnsEnabled: true,
                    subnetIds: args.subnetIds,
                    securityGroupIds: [args.securityGroupId],
                },
                child(this),
            ).id;
        }
        this.registerOutputs({ endpointIds: this.endpointIds });
    }
}
