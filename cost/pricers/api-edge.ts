/**
 * The API-and-edge types the other families leave out: WAF Classic web ACLs (global `waf` and regional
 * `wafregional`, priced like WAFv2 from the `waf` family: https://aws.amazon.com/waf/pricing/), and the companion
 * resources of API Gateway, WAF, ECR, Backup, SNS, SQS, CloudFront and Route 53 that carry no charge of their own.
 */
import { free, type Pricer } from "../context";
import { qty, usd } from "../format";
import { arr } from "../props";

/** A WAF Classic web ACL: $/month per ACL and per rule, plus requests. */
const classicWebAcl: Pricer = (r, ctx) => {
    const rules = arr(r.props, "rules")?.length ?? 0;
    const acl = ctx.prices.usd("waf", "webAcl.month");
    const rule = ctx.prices.usd("waf", "rule.month");
    ctx.assume("WAF Classic web ACLs are priced like WAFv2 (per web ACL, per rule, per million requests); a rule group counts as one rule.");
    return ctx
        .line()
        .fixed(acl + rules * rule, `1 web ACL (WAF Classic) × ${usd(acl)} + ${qty(rules)} rules × ${usd(rule)}`)
        .usage(ctx.use("waf.requestsMillionsPerMonth", r), ctx.prices.usd("waf", "requests.perMillion"), "M req", "requests")
        .build();
};

const IN_WEB_ACL = "priced as a rule in each web ACL that uses it";

/** Types with no charge of their own, with why. */
const FREE: Record<string, string> = {
    "aws:waf/rule:Rule": IN_WEB_ACL,
    "aws:waf/rateBasedRule:RateBasedRule": IN_WEB_ACL,
    "aws:waf/ruleGroup:RuleGroup": IN_WEB_ACL,
    "aws:waf/ipSet:IpSet": "a match set: part of the rules that use it",
    "aws:waf/byteMatchSet:ByteMatchSet": "a match set: part of the rules that use it",
    "aws:waf/regexMatchSet:RegexMatchSet": "a match set: part of the rules that use it",
    "aws:waf/regexPatternSet:RegexPatternSet": "a match set: part of the rules that use it",
    "aws:wafregional/rule:Rule": IN_WEB_ACL,
    "aws:wafregional/rateBasedRule:RateBasedRule": IN_WEB_ACL,
    "aws:wafregional/ruleGroup:RuleGroup": IN_WEB_ACL,
    "aws:wafregional/ipSet:IpSet": "a match set: part of the rules that use it",
    "aws:wafregional/byteMatchSet:ByteMatchSet": "a match set: part of the rules that use it",
    "aws:wafregional/regexMatchSet:RegexMatchSet": "a match set: part of the rules that use it",
    "aws:wafregional/regexPatternSet:RegexPatternSet": "a match set: part of the rules that use it",
    "aws:wafregional/webAclAssociation:WebAclAssociation": "free",
    "aws:wafv2/ruleGroup:RuleGroup": IN_WEB_ACL,
    "aws:apigateway/domainName:DomainName": "custom domain names carry no API Gateway charge (the ACM certificate is free)",
    "aws:apigateway/basePathMapping:BasePathMapping": "free",
    "aws:apigateway/usagePlan:UsagePlan": "free",
    "aws:apigateway/usagePlanKey:UsagePlanKey": "free",
    "aws:apigateway/apiKey:ApiKey": "free",
    "aws:apigateway/account:Account": "free (account settings)",
    "aws:apigateway/authorizer:Authorizer": "free (a Lambda authorizer's function is priced if declared)",
    "aws:apigateway/restApiPolicy:RestApiPolicy": "free",
    "aws:apigateway/gatewayResponse:GatewayResponse": "free",
    "aws:apigateway/model:Model": "free",
    "aws:apigateway/requestValidator:RequestValidator": "free",
    "aws:apigateway/integrationResponse:IntegrationResponse": "free",
    "aws:apigateway/methodResponse:MethodResponse": "free",
    "aws:apigateway/documentationPart:DocumentationPart": "free",
    "aws:apigateway/vpcLink:VpcLink": "no charge of its own (its network load balancer is priced)",
    "aws:apigatewayv2/domainName:DomainName": "custom domain names carry no API Gateway charge (the ACM certificate is free)",
    "aws:apigatewayv2/apiMapping:ApiMapping": "free",
    "aws:apigatewayv2/authorizer:Authorizer": "free (a Lambda authorizer's function is priced if declared)",
    "aws:apigatewayv2/integrationResponse:IntegrationResponse": "free",
    "aws:apigatewayv2/routeResponse:RouteResponse": "free",
    "aws:apigatewayv2/vpcLink:VpcLink": "free (HTTP API VPC links carry no charge)",
    "aws:ecr/registryPolicy:RegistryPolicy": "free",
    "aws:ecr/pullThroughCacheRule:PullThroughCacheRule": "free (cached images are priced as repository storage)",
    "aws:backup/globalSettings:GlobalSettings": "free",
    "aws:backup/regionSettings:RegionSettings": "free",
    "aws:sqs/queueRedrivePolicy:QueueRedrivePolicy": "free",
    "aws:sns/platformApplication:PlatformApplication": "free (mobile push deliveries are not modelled)",
    "aws:cloudfront/publicKey:PublicKey": "free",
    "aws:cloudfront/keyGroup:KeyGroup": "free",
    "aws:route53/zoneAssociation:ZoneAssociation": "free",
    "aws:route53/delegationSet:DelegationSet": "free",
    "aws:route53/vpcAssociationAuthorization:VpcAssociationAuthorization": "free",
    "aws:route53/hostedZoneDnsSec:HostedZoneDnsSec": "free (DNSSEC signing; its KMS key is priced)",
    "aws:route53/keySigningKey:KeySigningKey": "free (its KMS key is priced)",
    "aws:route53/queryLog:QueryLog": "free (the logs are priced on their log group)",
};

/** Pricers by type token. */
export const apiEdgePricers: Record<string, Pricer> = {
    "aws:waf/webAcl:WebAcl": classicWebAcl,
    "aws:wafregional/webAcl:WebAcl": classicWebAcl,
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": () => ({
        unpriced: "replicated images are billed as storage and transfer in the destination regions; not modelled",
    }),
    ...Object.fromEntries(Object.entries(FREE).map(([type, why]): [string, Pricer] => [type, () => free(why)])),
};
