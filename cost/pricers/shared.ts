/** Arithmetic several pricers share: EBS volumes, internet egress, public IPv4, price lookups with a reason. */
import type { StackResource } from "../../model/resource";
import type { LineBuilder, PricingContext } from "../context";
import { qty, usd } from "../format";
import type { PriceBook } from "../prices";

/** Monthly cost of one EBS volume (or root device) with the text that explains it. */
export function ebsVolume(
    prices: PriceBook,
    volumeType: string,
    sizeGb: number,
    iops: number | undefined,
    throughput: number | undefined,
): { usd: number; text: string } | { unpriced: string } {
    const gbPrice = prices.find("ebs", `${volumeType}.gbMonth`);
    if (gbPrice === undefined) return { unpriced: `no EBS price for volume type ${volumeType}` };
    let total = sizeGb * gbPrice.usd;
    let text = `${qty(sizeGb)} GB ${volumeType} × ${usd(gbPrice.usd)}/GB-mo`;
    if (volumeType === "gp3") {
        if (iops !== undefined && iops > 3000) {
            const p = prices.usd("ebs", "gp3.iopsMonth");
            total += (iops - 3000) * p;
            text += ` + ${qty(iops - 3000)} IOPS above 3,000 × ${usd(p)}`;
        }
        if (throughput !== undefined && throughput > 125) {
            const p = prices.usd("ebs", "gp3.throughputMonth");
            total += (throughput - 125) * p;
            text += ` + ${qty(throughput - 125)} MB/s above 125 × ${usd(p)}`;
        }
    } else if ((volumeType === "io1" || volumeType === "io2") && iops !== undefined) {
        const p = prices.usd("ebs", `${volumeType}.iopsMonth`);
        total += iops * p;
        text += ` + ${qty(iops)} IOPS × ${usd(p)}`;
    }
    return { usd: total, text };
}

/** Adds internet egress for an internet-facing entry point, using the account's free 100 GB once. */
export function addInternetEgress(line: LineBuilder, r: StackResource, ctx: PricingContext): void {
    const reading = ctx.use("internetEgress.gbOutPerMonth", r);
    const price = ctx.prices.usd("network", "dataTransferOut.gb");
    if (reading.none) {
        line.usage(reading, price, "GB", "internet egress");
        return;
    }
    const freeGb = Math.min(ctx.freeEgressGbLeft, reading.value);
    ctx.freeEgressGbLeft -= freeGb;
    const billable = reading.value - freeGb;
    const freeText = freeGb > 0 ? ` − ${qty(freeGb)} GB free (account's first 100 GB/month)` : "";
    line.usageAmount(
        billable * price,
        `internet egress: (${qty(reading.value)} GB${freeText}) × ${usd(price)}/GB (${reading.label})`,
        false,
    );
}

/** Adds `count` public IPv4 addresses for the month. */
export function addPublicIpv4(line: LineBuilder, ctx: PricingContext, count: number, what: string): void {
    if (count <= 0) return;
    const price = ctx.prices.usd("network", "publicIpv4.hour");
    line.fixed(count * ctx.hours * price, `${qty(count)} public IPv4 (${what}) × ${ctx.hours} h × ${usd(price)}/h`);
}
