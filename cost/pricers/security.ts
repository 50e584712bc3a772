/** KMS keys, Secrets Manager, WAF, GuardDuty, Security Hub, CloudTrail. */
import { free, type Pricer } from "../context";
import { qty, usd } from "../format";
import { arr, bool, rec, records, str } from "../props";

const key: Pricer = (r, ctx) => {
    const month = ctx.prices.usd("kms", "key.month");
    if (bool(r.props, "enableKeyRotation") === true) {
        ctx.assume("KMS keys with rotation are priced at their first-year $1/month; each of the first two yearly rotations adds $1/month.");
    }
    return ctx
        .line()
        .fixed(month, `1 key × ${usd(month)}/mo`)
        .usage(ctx.use("kms.requests10kPerMonth", r), ctx.prices.usd("kms", "requests.per10k"), "10k req", "requests")
        .build();
};

const secret: Pricer = (r, ctx) => {
    const month = ctx.prices.usd("secretsManager", "secret.month");
    return ctx
        .line()
        .fixed(month, `1 secret × ${usd(month)}/mo`)
        .usage(ctx.use("secretsManager.apiCalls10kPerMonth", r), ctx.prices.usd("secretsManager", "api.per10k"), "10k calls", "API calls")
        .build();
};

function wafRuleCount(props: Record<string, unknown>): number | undefined {
    const rules = arr(props, "rules");
    if (rules !== undefined) return rules.length;
    const json = str(props, "ruleJson");
    if (json === undefined) return props.rules === undefined ? 0 : undefined;
    try {
        const parsed: unknown = JSON.parse(json);
        return Array.isArray(parsed) ? parsed.length : undefined;
    } catch {
        return undefined;
    }
}

const webAcl: Pricer = (r, ctx) => {
    const rules = wafRuleCount(r.props);
    if (rules === undefined) return { unpriced: "rule count not known" };
    const acl = ctx.prices.usd("waf", "webAcl.month");
    const rule = ctx.prices.usd("waf", "rule.month");
    ctx.assume("WAF managed rule groups are priced as one rule each; Bot Control, Fraud Control and other paid rule groups add fees not modelled.");
    return ctx
        .line()
        .fixed(acl + rules * rule, `1 web ACL × ${usd(acl)} + ${qty(rules)} rules × ${usd(rule)}`)
        .usage(ctx.use("waf.requestsMillionsPerMonth", r), ctx.prices.usd("waf", "requests.perMillion"), "M req", "requests")
        .build();
};

const detector: Pricer = (r, ctx) => {
    if (bool(r.props, "enable") === false) return free("detector disabled");
    const s3Feature = ctx.graph
        .ofType("aws:guardduty/detectorFeature:DetectorFeature")
        .some((f) => str(f.props, "name") === "S3_DATA_EVENTS" && str(f.props, "status") === "ENABLED");
    const s3Legacy = bool(rec(rec(r.props, "datasources"), "s3Logs"), "enable") === true;
    const line = ctx
        .line()
        .usage(ctx.use("guardduty.cloudTrailEventsMillionsPerMonth", r), ctx.prices.usd("guardduty", "cloudTrailEvents.perMillion"), "M events", "CloudTrail events analysed")
        .usage(ctx.use("guardduty.flowDnsLogGbPerMonth", r), ctx.prices.usd("guardduty", "flowDnsLogs.gb"), "GB", "flow and DNS logs analysed");
    if (s3Feature || s3Legacy) {
        line.usage(ctx.use("guardduty.s3DataEventsMillionsPerMonth", r), ctx.prices.usd("guardduty", "s3DataEvents.perMillion"), "M events", "S3 data events analysed");
    }
    return line.build();
};

const detectorFeature: Pricer = (r) => {
    const name = str(r.props, "name") ?? "feature";
    if (str(r.props, "status") !== "ENABLED") return free(`${name} not enabled`);
    if (name === "S3_DATA_EVENTS") return free("S3 data events priced on the detector line");
    return {
        monthlyUsd: 0,
        basis: `not modelled: GuardDuty ${name} is billed by usage (see https://aws.amazon.com/guardduty/pricing/)`,
        usageBased: true,
        needsUsage: true,
    };
};

const securityHubAccount: Pricer = (r, ctx) => {
    ctx.assume("Security Hub controls need AWS Config recording; Config charges (configuration items, rule evaluations) are not priced unless declared.");
    return ctx.line().usage(ctx.use("securityHub.checksPerMonth", r), ctx.prices.usd("securityHub", "check"), "checks", "security checks").build();
};

function hasDataEvents(props: Record<string, unknown>): boolean {
    if (records(props, "eventSelectors").some((s) => records(s, "dataResources").length > 0)) return true;
    return records(props, "advancedEventSelectors").some((s) =>
        records(s, "fieldSelectors").some((f) => str(f, "field") === "eventCategory" && (arr(f, "equals") ?? []).includes("Data")),
    );
}

const trail: Pricer = (r, ctx) => {
    ctx.trailsSeen += 1;
    const line = ctx.line();
    if (ctx.trailsSeen === 1) {
        line.fixed(0, "management events: first trail free");
    } else {
        line.usage(ctx.use("cloudtrail.managementEvents100kPerMonth", r), ctx.prices.usd("cloudtrail", "managementEvents.per100k"), "100k events", "management events (additional trail)");
    }
    if (hasDataEvents(r.props)) {
        line.usage(ctx.use("cloudtrail.dataEvents100kPerMonth", r), ctx.prices.usd("cloudtrail", "dataEvents.per100k"), "100k events", "data events");
    }
    if (records(r.props, "insightSelectors").length > 0) {
        line.usage(ctx.use("cloudtrail.managementEvents100kPerMonth", r), ctx.prices.usd("cloudtrail", "insights.per100k"), "100k events", "Insights analysis");
    }
    ctx.assume("The first CloudTrail trail is assumed to be the account's first copy of management events (free); its log storage is priced on its bucket.");
    return line.build();
};

export const securityPricers: Record<string, Pricer> = {
    "aws:kms/key:Key": key,
    "aws:secretsmanager/secret:Secret": secret,
    "aws:wafv2/webAcl:WebAcl": webAcl,
    "aws:guardduty/detector:Detector": detector,
    "aws:guardduty/detectorFeature:DetectorFeature": detectorFeature,
    "aws:securityhub/account:Account": securityHubAccount,
    "aws:securityhub/standardsSubscription:StandardsSubscription": () => free("its checks are priced on the Security Hub account line"),
    "aws:cloudtrail/trail:Trail": trail,
};
