/** S3 buckets (storage at the lifecycle mix, requests) and AWS Backup plans. */
import type { StackResource } from "../../model/resource";
import { isRecord } from "../../model/wire";
import type { Pricer, PricingContext } from "../context";
import { qty, usd } from "../format";
import { num, rec, records, str } from "../props";

const LIFECYCLE_TYPES = [
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
];

/** One storage class's share of a bucket's bytes. */
interface Tier {
    storageClass: string;
    fraction: number;
    fromDay: number;
    toDay: number;
}

function lifecycleOf(ctx: PricingContext, bucket: StackResource): StackResource | undefined {
    return ctx.graph.referencing(bucket, LIFECYCLE_TYPES, { bucket: ["bucket", "id"] })[0];
}

/**
 * The steady-state storage-class mix of a bucket whose objects arrive at a constant rate and follow the first
 * enabled rule with transitions: a class holds the share of an object's life it spends there.
 */
function lifecycleMix(ctx: PricingContext, bucket: StackResource, config: StackResource): { tiers: Tier[]; lifetimeText: string } | undefined {
    const rule = records(config.props, "rules").find((x) => str(x, "status") === "Enabled" && records(x, "transitions").length > 0);
    if (rule === undefined) return undefined;
    const transitions = records(rule, "transitions")
        .map((t) => ({ days: num(t, "days"), storageClass: str(t, "storageClass") }))
        .filter((t): t is { days: number; storageClass: string } => t.days !== undefined && t.storageClass !== undefined)
        .sort((a, b) => a.days - b.days);
    if (transitions.length === 0) return undefined;
    const rawExpiration = rule.expiration;
    const expiration = isRecord(rawExpiration) ? rawExpiration : Array.isArray(rawExpiration) && isRecord(rawExpiration[0]) ? rawExpiration[0] : undefined;
    const expirationDays = num(expiration, "days");
    let lifetime: number;
    let lifetimeText: string;
    if (expirationDays !== undefined) {
        lifetime = expirationDays;
        lifetimeText = `objects expire after ${qty(lifetime)} days`;
    } else {
        const reading = ctx.use("s3.objectLifetimeDays", bucket);
        lifetime = reading.none ? 365 : reading.value;
        lifetimeText = reading.none ? "objects live 365 days (usage: none)" : `objects live ${qty(lifetime)} days (${reading.label})`;
    }
    if (lifetime <= 0) return undefined;
    const bounds = [{ days: 0, storageClass: "STANDARD" }, ...transitions];
    const tiers: Tier[] = [];
    bounds.forEach((b, i) => {
        const from = Math.min(b.days, lifetime);
        const to = Math.min(bounds[i + 1]?.days ?? lifetime, lifetime);
        if (to > from) tiers.push({ storageClass: b.storageClass, fraction: (to - from) / lifetime, fromDay: from, toDay: to });
    });
    return { tiers, lifetimeText };
}

const bucket: Pricer = (r, ctx) => {
    const stored = ctx.use("s3.gbStored", r);
    const standard = ctx.prices.usd("s3", "STANDARD.gbMonth");
    const line = ctx.line();
    const config = lifecycleOf(ctx, r);
    const mix = config === undefined ? undefined : lifecycleMix(ctx, r, config);
    if (mix === undefined || stored.none) {
        line.usage(stored, standard, "GB-mo", "S3 Standard storage");
    } else {
        let perGb = 0;
        const parts: string[] = [];
        for (const tier of mix.tiers) {
            const price = ctx.prices.find("s3", `${tier.storageClass}.gbMonth`);
            if (price === undefined) return { unpriced: `no S3 price for storage class ${tier.storageClass}` };
            perGb += tier.fraction * price.usd;
            parts.push(`${qty(tier.fraction * 100)} % ${tier.storageClass} (days ${qty(tier.fromDay)}-${qty(tier.toDay)}) × ${usd(price.usd)}`);
        }
        const monthly = stored.value * perGb;
        line.usageAmount(monthly, `storage: ${qty(stored.value)} GB (${stored.label}) at the lifecycle mix [${parts.join(", ")}; ${mix.lifetimeText}]`, false);
        ctx.saving({
            title: `${r.name}: S3 lifecycle mix vs all in S3 Standard`,
            urn: r.urn,
            withUsd: monthly,
            withoutUsd: stored.value * standard,
            explanation: `${config?.name} moves objects to cheaper classes as they age; ${qty(stored.value)} GB at the steady-state mix vs the same bytes in S3 Standard.`,
        });
        ctx.assume("S3 lifecycle mix: objects arrive at a steady rate and follow the first enabled rule with transitions; transition request fees and minimum-duration charges are not priced.");
    }
    line.usage(ctx.use("s3.putRequests1kPerMonth", r), ctx.prices.usd("s3", "put.per1k"), "1k PUT", "PUT requests");
    line.usage(ctx.use("s3.getRequests1kPerMonth", r), ctx.prices.usd("s3", "get.per1k"), "1k GET", "GET requests");
    return line.build();
};

const backupPlan: Pricer = (r, ctx) => {
    const line = ctx.line();
    line.usage(ctx.use("backup.warmGbStored", r), ctx.prices.usd("backup", "warm.gbMonth"), "GB-mo", "warm backup storage");
    const copies = records(r.props, "rules").some((rule) => records(rule, "copyActions").length > 0 || rec(rule, "copyActions") !== undefined);
    if (copies) {
        const reading = ctx.use("backup.crossRegionCopyGbPerMonth", r);
        line.usage(reading, ctx.prices.usd("network", "dataTransferInterRegion.gb"), "GB", "cross-region copy transfer");
        line.usage(reading, ctx.prices.usd("backup", "warm.gbMonth"), "GB-mo", "copies kept in the other region (at this region's price)");
        ctx.assume("Backup copies in another region are priced at this region's warm storage price.");
    }
    ctx.assume("AWS Backup warm storage is priced at the EBS/S3 rate ($0.05/GB-month); RDS and Aurora snapshots differ.");
    return line.build();
};

export const storagePricers: Record<string, Pricer> = {
    "aws:s3/bucket:Bucket": bucket,
    "aws:s3/bucketV2:BucketV2": bucket,
    "aws:backup/plan:Plan": backupPlan,
};
