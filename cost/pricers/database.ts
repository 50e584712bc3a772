/** RDS instances (single/Multi-AZ), Aurora clusters (storage, I/O) and instances (provisioned or Serverless v2). */
import type { StackResource } from "../../model/resource";
import type { LineBuilder, Pricer, PricingContext } from "../context";
import { qty, usd } from "../format";
import { bool, num, rec, str } from "../props";

const CLUSTER = "aws:rds/cluster:Cluster";
/** The provisioned instance Aurora Serverless v2 is compared with in the savings list. */
const PROVISIONED_COMPARISON = "db.r6g.large";

function addManagedSecret(line: LineBuilder, r: StackResource, ctx: PricingContext): void {
    if (bool(r.props, "manageMasterUserPassword") !== true) return;
    const price = ctx.prices.usd("secretsManager", "secret.month");
    line.fixed(price, `managed master password secret ${usd(price)}/mo`);
}

/** RDS engines priced at their own rates: engine → price-table family stem. */
const RDS_ENGINES: Record<string, string> = { postgres: "rdsPostgres", mysql: "rdsMysql", mariadb: "rdsMariadb" };

/** gp3 baseline included in the storage price: 3,000 IOPS and 125 MiB/s below 400 GB, 12,000 and 500 from 400 GB. */
export function rdsGp3Baseline(gb: number): { iops: number; throughput: number } {
    return gb >= 400 ? { iops: 12_000, throughput: 500 } : { iops: 3_000, throughput: 125 };
}

const rdsInstance: Pricer = (r, ctx) => {
    const cls = str(r.props, "instanceClass");
    if (cls === undefined) return { unpriced: "instance class not known" };
    const engine = str(r.props, "engine") ?? "postgres";
    const stem = RDS_ENGINES[engine];
    if (stem === undefined) return { unpriced: `RDS engine ${engine} is not modelled (priced: ${Object.keys(RDS_ENGINES).join(", ")})` };
    const multiAz = bool(r.props, "multiAz") === true;
    const family = `${stem}${multiAz ? "MultiAz" : "SingleAz"}`;
    const hourly = ctx.prices.get(family, cls);
    if (hourly.derived !== undefined) ctx.assume(derivedText(`${cls} (${engine})`, hourly.derived.boundPct, ctx.prices.region));
    const line = ctx.line().fixed(ctx.hours * hourly.usd, `${ctx.hours} h × ${usd(hourly.usd)}/h (${cls}, ${engine}${multiAz ? ", Multi-AZ" : ""})`);
    const storageType = str(r.props, "storageType") ?? (num(r.props, "iops") !== undefined ? "io1" : "gp2");
    const gb = num(r.props, "allocatedStorage") ?? 20;
    const gbPrice = ctx.prices.get("rdsStorage", `${storageType}.gbMonth`).usd;
    const factor = multiAz ? ctx.prices.usd("rdsStorage", "multiAzFactor") : 1;
    const az = multiAz ? ` × ${qty(factor)} (Multi-AZ)` : "";
    line.fixed(gb * gbPrice * factor, `${qty(gb)} GB ${storageType} × ${usd(gbPrice)}/GB-mo${az}`);
    const iops = num(r.props, "iops");
    if ((storageType === "io1" || storageType === "io2") && iops !== undefined) {
        const p = ctx.prices.usd("rdsStorage", `${storageType}.iopsMonth`);
        line.fixed(iops * p * factor, `${qty(iops)} IOPS × ${usd(p)}${az}`);
    } else if (storageType === "gp3") {
        const baseline = rdsGp3Baseline(gb);
        const throughput = num(r.props, "storageThroughput");
        if (iops !== undefined && iops > baseline.iops) {
            const p = ctx.prices.usd("rdsStorage", "gp3.iopsMonth");
            line.fixed((iops - baseline.iops) * p * factor, `${qty(iops - baseline.iops)} IOPS above the ${qty(baseline.iops)} baseline × ${usd(p)}${az}`);
        }
        if (throughput !== undefined && throughput > baseline.throughput) {
            const p = ctx.prices.usd("rdsStorage", "gp3.throughputMonth");
            line.fixed((throughput - baseline.throughput) * p * factor, `${qty(throughput - baseline.throughput)} MiB/s above the ${qty(baseline.throughput)} baseline × ${usd(p)}${az}`);
        }
    }
    line.usage(ctx.use("rds.backupGbBeyondFree", r), ctx.prices.usd("rdsStorage", "backup.gbMonth"), "GB-mo", "backup storage beyond the free 100 %");
    addManagedSecret(line, r, ctx);
    if (num(r.props, "performanceInsightsRetentionPeriod") !== undefined && (num(r.props, "performanceInsightsRetentionPeriod") ?? 7) > 7) {
        ctx.assume("Performance Insights retention beyond the free 7 days is not priced.");
    }
    return line.build();
};

/** The assumption recorded when a figure is derived rather than a list price. */
export function derivedText(what: string, boundPct: number, region: string): string {
    return `The ${region} price of ${what} is derived, not a list price (within ±${qty(boundPct)} %; see data/prices-${region}.json and docs/prices.md).`;
}

function isIoOptimized(cluster: StackResource | undefined): boolean {
    return str(cluster?.props, "storageType") === "aurora-iopt1";
}

const auroraCluster: Pricer = (r, ctx) => {
    const engine = str(r.props, "engine") ?? "";
    if (!engine.startsWith("aurora")) {
        return { unpriced: `Multi-AZ DB clusters (engine ${engine || "not known"}) are not modelled` };
    }
    const io = isIoOptimized(r);
    const line = ctx.line();
    line.usage(ctx.use("aurora.gbStored", r), ctx.prices.usd("aurora", io ? "storageIoOptimized.gbMonth" : "storage.gbMonth"), "GB-mo", "cluster storage");
    if (!io) line.usage(ctx.use("aurora.ioMillionsPerMonth", r), ctx.prices.usd("aurora", "io.perMillion"), "million I/O", "I/O requests");
    line.usage(ctx.use("aurora.backupGbBeyondFree", r), ctx.prices.usd("aurora", "backup.gbMonth"), "GB-mo", "backup storage beyond the free 100 %");
    addManagedSecret(line, r, ctx);
    ctx.assume("Aurora instances are priced on their own lines; the cluster line holds storage, I/O and backup.");
    return line.build();
};

function clusterOf(ctx: PricingContext, instance: StackResource): StackResource | undefined {
    return ctx.graph.resolve(instance, "clusterIdentifier", [CLUSTER], ["clusterIdentifier", "id"]);
}

const auroraInstance: Pricer = (r, ctx) => {
    const cls = str(r.props, "instanceClass");
    if (cls === undefined) return { unpriced: "instance class not known" };
    const cluster = clusterOf(ctx, r);
    const io = isIoOptimized(cluster);
    const line = ctx.line();
    if (cls === "db.serverless") {
        const scaling = rec(cluster?.props, "serverlessv2ScalingConfiguration");
        const min = num(scaling, "minCapacity");
        const max = num(scaling, "maxCapacity");
        if (min === undefined || max === undefined) {
            return { unpriced: "Serverless v2 capacity not known (cluster not linked or serverlessv2ScalingConfiguration missing)" };
        }
        const acuPrice = ctx.prices.usd("aurora", io ? "serverlessV2IoOptimized.acuHour" : "serverlessV2.acuHour");
        const reading = ctx.use("aurora.avgAcu", r);
        const avg = reading.none ? min : Math.min(Math.max(reading.value, min), max);
        const avgText = reading.none
            ? `min ${qty(min)} ACU (min ${qty(min)}..max ${qty(max)}, usage: none)`
            : `avg ${qty(avg)} ACU (min ${qty(min)}..max ${qty(max)}, ${reading.label}${avg !== reading.value ? ", clamped to the cluster's range" : ""})`;
        const monthly = avg * acuPrice * ctx.hours;
        line.usageAmount(monthly, `${avgText} × ${usd(acuPrice)}/ACU-h × ${ctx.hours} h`, reading.none);
        line.range({ minUsd: min * acuPrice * ctx.hours, maxUsd: max * acuPrice * ctx.hours });
        const provisioned = ctx.prices.usd(io ? "auroraPostgresInstanceIoOptimized" : "auroraPostgresInstance", PROVISIONED_COMPARISON);
        ctx.saving({
            title: `${r.name}: Aurora Serverless v2 at average ACUs vs a provisioned ${PROVISIONED_COMPARISON}`,
            urn: r.urn,
            withUsd: monthly,
            withoutUsd: provisioned * ctx.hours,
            explanation: `${r.name} scales between ${qty(min)} and ${qty(max)} ACUs and is priced at ${qty(avg)} ACU on average; a provisioned ${PROVISIONED_COMPARISON} (2 vCPU, 16 GiB ≈ 8 ACU) costs ${usd(provisioned)}/h around the clock.`,
        });
        return line.build();
    }
    const hourly = ctx.prices.get(io ? "auroraPostgresInstanceIoOptimized" : "auroraPostgresInstance", cls);
    if (hourly.derived !== undefined) ctx.assume(derivedText(`${cls} (Aurora${io ? " I/O-Optimized" : ""})`, hourly.derived.boundPct, ctx.prices.region));
    return line.fixed(ctx.hours * hourly.usd, `${ctx.hours} h × ${usd(hourly.usd)}/h (${cls}${io ? ", I/O-Optimized" : ""})`).build();
};

export const databasePricers: Record<string, Pricer> = {
    "aws:rds/instance:Instance": rdsInstance,
    [CLUSTER]: auroraCluster,
    "aws:rds/clusterInstance:ClusterInstance": auroraInstance,
};
