/** CloudFront distributions (data out + HTTPS requests) and CloudFront Functions. */
import type { Pricer } from "../context";
import { str } from "../props";

const distribution: Pricer = (r, ctx) => {
    const priceClass = str(r.props, "priceClass") ?? "PriceClass_All";
    if (priceClass !== "PriceClass_100") {
        ctx.assume("CloudFront is priced at North America/Europe rates; viewers elsewhere (PriceClass_200/All) cost more per GB.");
    }
    return ctx
        .line()
        .usage(ctx.use("cloudfront.gbOutPerMonth", r), ctx.prices.usd("cloudfront", "dataOut.gb"), "GB", "data out")
        .usage(ctx.use("cloudfront.httpsRequests10kPerMonth", r), ctx.prices.usd("cloudfront", "https.per10k"), "10k HTTPS req", "requests")
        .build();
};

const cfFunction: Pricer = (r, ctx) =>
    ctx
        .line()
        .usage(ctx.use("cloudfront.functionInvocationsMillionsPerMonth", r), ctx.prices.usd("cloudfront", "functions.perMillion"), "M invocations", "invocations")
        .build();

export const cdnPricers: Record<string, Pricer> = {
    "aws:cloudfront/distribution:Distribution": distribution,
    "aws:cloudfront/function:Function": cfFunction,
};
