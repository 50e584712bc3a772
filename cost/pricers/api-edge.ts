/**
 * The API-and-edge types the other families leave out: WAF Classic web ACLs (global `waf` and regional
 * `wafregional`, priced like WAFv2 from the `waf` family: https://aws.amazon.com/waf/pricing/) and ECR replication.
 * Their companion resources that carry no charge of their own are in `free.ts`.
 */
import type { Pricer } from "../context";
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

/** Pricers by type token. */
export const apiEdgePricers: Record<string, Pricer> = {
    "aws:waf/webAcl:WebAcl": classicWebAcl,
    "aws:wafregional/webAcl:WebAcl": classicWebAcl,
    "aws:ecr/replicationConfiguration:ReplicationConfiguration": () => ({
        unpriced: "replicated images are billed as storage and transfer in the destination regions; not modelled",
    }),
};
