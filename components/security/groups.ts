import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";
import { allowIn, allowOut } from "./rules";

/** Arguments of the security-group chain. */
export interface SecurityGroupsArgs {
    /** VPC the groups live in. */
    readonly vpcId: pulumi.Input<string>;
    /** VPC CIDR (interface endpoints accept HTTPS from it). */
    readonly vpcCidr: pulumi.Input<string>;
    /**
     * Port the web container listens on.
     * @default `CONFIG_SCHEMA.containerPort` (8080), through `runway:containerPort`
     */
    readonly containerPort: number;
    /** Also create a group for VPC interface endpoints (enterprise: true; hero: false). */
    readonly endpoints: boolean;
}

const ANYWHERE = "0.0.0.0/0";
const POSTGRES = 5432;
const REDIS = 6379;
const HTTPS = 443;
const HTTP = 80;

/**
 * The chain ALB → app → database / Redis, as separate rule resources that reference group ids:
 * only the load balancer is reachable from the internet (80/443); tasks accept the container port from the
 * load balancer only; the database and Redis accept their port from the tasks only and have no egress.
 */
export class SecurityGroups extends pulumi.ComponentResource {
    /** Load balancer group. */
    readonly albSecurityGroupId: pulumi.Output<string>;
    /** Fargate task group (web and worker). */
    readonly appSecurityGroupId: pulumi.Output<string>;
    /** Database group. */
    readonly dbSecurityGroupId: pulumi.Output<string>;
    /** Redis group. */
    readonly cacheSecurityGroupId: pulumi.Output<string>;
    /** Interface endpoint group (enterprise). */
    readonly endpointSecurityGroupId: pulumi.Output<string> | undefined;

    constructor(name: string, args: SecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:security:Groups", name, {}, opts);
        const group = (tier: string, description: string): aws.ec2.SecurityGroup =>
            new aws.ec2.SecurityGroup(`${name}-${tier}`, { vpcId: args.vpcId, description, tags: { Name: `${name}-${tier}` } }, child(this));

        const alb = group("alb", "Load balancer: HTTP/HTTPS from the internet");
        const app = group("app", "Fargate tasks: container port from the load balancer");
        const db = group("db", "Database: PostgreSQL from the tasks");
        const cache = group("cache", "Redis: from the tasks");

        allowIn(this, { name: `${name}-alb-in-https`, groupId: alb.id, port: HTTPS, peer: { cidr: ANYWHERE }, description: "HTTPS from the internet" });
        allowIn(this, { name: `${name}-alb-in-http`, groupId: alb.id, port: HTTP, peer: { cidr: ANYWHERE }, description: "HTTP from the internet (redirected to HTTPS)" });
        allowOut(this, { name: `${name}-alb-out-app`, groupId: alb.id, port: args.containerPort, peer: { securityGroupId: app.id }, description: "To the tasks" });

        allowIn(this, { name: `${name}-app-in-alb`, groupId: app.id, port: args.containerPort, peer: { securityGroupId: alb.id }, description: "From the load balancer" });
        allowOut(this, { name: `${name}-app-out-https`, groupId: app.id, port: HTTPS, peer: { cidr: ANYWHERE }, description: "AWS APIs and image pulls" });
        allowOut(this, { name: `${name}-app-out-db`, groupId: app.id, port: POSTGRES, peer: { securityGroupId: db.id }, description: "To the database" });
        allowOut(this, { name: `${name}-app-out-cache`, groupId: app.id, port: REDIS, peer: { securityGroupId: cache.id }, description: "To Redis" });

        allowIn(this, { name: `${name}-db-in-app`, groupId: db.id, port: POSTGRES, peer: { securityGroupId: app.id }, description: "PostgreSQL from the tasks" });
        allowIn(this, { name: `${name}-cache-in-app`, groupId: cache.id, port: REDIS, peer: { securityGroupId: app.id }, description: "Redis from the tasks" });

        let endpoints: aws.ec2.SecurityGroup | undefined;
        if (args.endpoints) {
            endpoints = group("endpoints", "VPC interface endpoints: HTTPS from inside the VPC");
            allowIn(this, { name: `${name}-endpoints-in-vpc`, groupId: endpoints.id, port: HTTPS, peer: { cidr: args.vpcCidr }, description: "HTTPS from the VPC" });
        }

        this.albSecurityGroupId = alb.id;
        this.appSecurityGroupId = app.id;
        this.dbSecurityGroupId = db.id;
        this.cacheSecurityGroupId = cache.id;
        this.endpointSecurityGroupId = endpoints?.id;
        this.registerOutputs({
            albSecurityGroupId: this.albSecurityGroupId,
            appSecurityGroupId: this.appSecurityGroupId,
            dbSecurityGroupId: this.dbSecurityGroupId,
            cacheSecurityGroupId: this.cacheSecurityGroupId,
        });
    }
}
