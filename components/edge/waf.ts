import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** Arguments of the regional web ACL. */
export interface WafArgs {
    /** ARN of the load balancer to protect. */
    readonly resourceArn: pulumi.Input<string>;
}

/** AWS managed rule groups applied in this order. */
export const MANAGED_RULE_GROUPS = [
    "AWSManagedRulesAmazonIpReputationList",
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
] as const;
/** Requests per 5 minutes from one IP before it is blocked. */
export const RATE_LIMIT_PER_5_MIN = 2000;

function visibility(metricName: string) {
    return { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/** A REGIONAL WAFv2 web ACL (AWS managed rule groups + a per-IP rate limit) associated with the ALB. */
export class Waf extends pulumi.ComponentResource {
    /** Web ACL ARN. */
    readonly webAclArn: pulumi.Output<string>;

    constructor(name: string, args: WafArgs, opts?: pulumi.ComponentResourceOptions) {
        super("runway:edge:Waf", name, {}, opts);
        const managed = MANAGED_RULE_GROUPS.map((group, i) => ({
            name: group,
            priority: i + 1,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
            visibilityConfig: visibility(group),
        }));
        const acl = new aws.wafv2.WebAcl(
            `${name}-acl`,
            {
                scope: "REGIONAL",
                defaultAction: { allow: {} },
                rules: [
                    ...managed,
                    {
                        name: "RateLimitPerIp",
                        priority: managed.length + 1,
                        action: { block: {} },
                        statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_5_MIN, aggregateKeyType: "IP" } },
                        visibilityConfig: visibility("RateLimitPerIp"),
                    },
                ],
                visibilityConfig: visibility(`${name}-acl`),
            },
            child(this),
        );
        new aws.wafv2.WebAclAssociation(`${name}-alb`, { resourceArn: args.resourceArn, webAclArn: acl.arn }, child(this));
        this.webAclArn = acl.arn;
        this.registerOutputs({ webAclArn: this.webAclArn });
    }
}
