import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the public load balancer. */
export interface LoadBalancerArgs {
    /** VPC of the target group. */
    readonly vpcId: pulumi.Input<string>;
    /** Public subnets (one per AZ). */
    readonly subnetIds: pulumi.Input<string>[];
    /** Security group admitting 80/443. */
    readonly securityGroupId: pulumi.Input<string>;
    /** Certificate of the HTTPS listener. */
    readonly certificateArn: pulumi.Input<string>;
    /**
     * Port the tasks listen on.
     * @default `CONFIG_SCHEMA.containerPort` (8080), through `runway:containerPort`
     */
    readonly targetPort: number;
    /** Bucket receiving access logs under `ACCESS_LOG_PREFIX` (SSE-S3; policy admits ELB log delivery); no access logs when unset. */
    readonly accessLogsBucket?: pulumi.Input<string>;
    /**
     * Refuse deletion through the AWS API.
     * @default `CONFIG_SCHEMA.protect` (hero false, enterprise true), through `runway:protect`
     */
    readonly deletionProtection: boolean;
}

/** TLS 1.3/1.2-only listener policy. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/** Health check of the web tasks. */
export const HEALTH_CHECK = { path: "/health", interval: 15, healthyThreshold: 2, unhealthyThreshold: 3 } as const;
/** Prefix of the access logs in the bucket. */
export const ACCESS_LOG_PREFIX = "alb";

/** An internet-facing ALB: HTTPS (TLS 1.2+) forwarding to an IP target group, HTTP only redirecting to HTTPS. */
export class LoadBalancer extends pulumi.ComponentResource {
    /** Load balancer ARN (WAF association). */
    readonly arn: pulumi.Output<string>;
    /** DNS name. */
    readonly dnsName: pulumi.Output<string>;
    /** Hosted zone of the DNS name (alias records). */
    readonly zoneId: pulumi.Output<string>;
    /** CloudWatch `LoadBalancer` dimension. */
    readonly arnSuffix: pulumi.Output<string>;
    /** Target group ARN (ECS service). */
    readonly targetGroupArn: pulumi.Output<string>;
    /** CloudWatch `TargetGroup` dimension. */
    readonly targetGroupArnSuffix: pulumi.Output<string>;
    /** HTTPS listener ARN (the service waits for it). */
    readonly httpsListenerArn: pulumi.Output<string>;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:edge:LoadBalancer", name, {}, opts);
        const alb = new aws.lb.LoadBalancer(
            `${name}-alb`,
            {
                loadBalancerType: "application",
                internal: false,
                subnets: args.subnetIds,
                securityGroups: [args.securityGroupId],
                dropInvalidHeaderFields: true,
                enableDeletionProtection: args.deletionProtection,
                ...(args.accessLogsBucket === undefined ? {} : { accessLogs: { bucket: args.accessLogsBucket, prefix: ACCESS_LOG_PREFIX, enabled: true } }),
            },
            child(this),
        );
        const targetGroup = new aws.lb.TargetGroup(
            `${name}-web`,
            {
                vpcId: args.vpcId,
                targetType: "ip",
                protocol: "HTTP",
                port: args.targetPort,
                deregistrationDelay: 30,
                healthCheck: { path: HEALTH_CHECK.path, interval: HEALTH_CHECK.interval, healthyThreshold: HEALTH_CHECK.healthyThreshold, unhealthyThreshold: HEALTH_CHECK.unhealthyThreshold, matcher: "200-399" },
            },
            child(this),
        );
        const https = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: alb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: TLS_POLICY,
                certificateArn: args.certificateArn,
                defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            },
            child(this),
        );
        new aws.lb.Listener(
            `${name}-http`,
            {
                loadBalancerArn: alb.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
            },
            child(this),
        );
        this.arn = alb.arn;
        this.dnsName = alb.dnsName;
        this.zoneId = alb.zoneId;
        this.arnSuffix = alb.arnSuffix;
        this.targetGroupArn = targetGroup.arn;
        this.targetGroupArnSuffix = targetGroup.arnSuffix;
        this.httpsListenerArn = https.arn;
        this.registerOutputs({ arn: this.arn, dnsName: this.dnsName, targetGroupArn: this.targetGroupArn, httpsListenerArn: this.httpsListenerArn });
    }
}
