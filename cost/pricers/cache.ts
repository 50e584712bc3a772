/** ElastiCache: replication groups and stand-alone clusters, node count × node price. */
import { free, type Pricer, type PricingContext } from "../context";
import { qty, usd } from "../format";
import { num, str } from "../props";
import type { PriceResult } from "../types";

/** Node-price family by engine: Redis OSS, Valkey and Memcached each at their own rate. */
const NODE_FAMILIES: Record<string, string> = { redis: "elasticacheRedis", valkey: "elasticacheValkey", memcached: "elasticacheMemcached" };

function nodeHourly(ctx: PricingContext, engine: string | undefined, nodeType: string | undefined): number | { unpriced: string } {
    if (nodeType === undefined) return { unpriced: "node type not known" };
    const family = NODE_FAMILIES[engine ?? "redis"];
    if (family === undefined) return { unpriced: `ElastiCache engine ${engine} is not modelled` };
    const price = ctx.prices.get(family, nodeType);
    if (price.derived !== undefined) {
        ctx.assume(`The ${ctx.prices.region} price of ElastiCache ${nodeType} (${engine ?? "redis"}) is derived, not a list price (within ±${qty(price.derived.boundPct)} %; see docs/prices.md).`);
    }
    return price.usd;
}

function nodes(ctx: PricingContext, count: number, engine: string | undefined, nodeType: string | undefined, how: string): PriceResult {
    const hourly = nodeHourly(ctx, engine, nodeType);
    if (typeof hourly !== "number") return hourly;
    return ctx
        .line()
        .fixed(count * ctx.hours * hourly, `${qty(count)} nodes (${how}) × ${ctx.hours} h × ${usd(hourly)}/h (${nodeType}, ${engine ?? "redis"})`)
        .build();
}

const replicationGroup: Pricer = (r, ctx) => {
    const clusters = num(r.props, "numCacheClusters");
    const groups = num(r.props, "numNodeGroups");
    const replicas = num(r.props, "replicasPerNodeGroup");
    const count = clusters ?? (groups ?? 1) * ((replicas ?? 0) + 1);
    const how = clusters !== undefined ? "numCacheClusters" : `${qty(groups ?? 1)} shards × ${qty((replicas ?? 0) + 1)} nodes`;
    if ((num(r.props, "snapshotRetentionLimit") ?? 0) > 0) {
        ctx.assume("ElastiCache backups within one free snapshot per node are free; extra backup storage is not priced.");
    }
    return nodes(ctx, count, str(r.props, "engine"), str(r.props, "nodeType"), how);
};

const cacheCluster: Pricer = (r, ctx) => {
    if (str(r.props, "replicationGroupId") !== undefined || (r.propertyDependencies.replicationGroupId ?? []).length > 0) {
        return free("member of a replication group, priced there");
    }
    return nodes(ctx, num(r.props, "numCacheNodes") ?? 1, str(r.props, "engine"), str(r.props, "nodeType"), "numCacheNodes");
};

export const cachePricers: Record<string, Pricer> = {
    "aws:elasticache/replicationGroup:ReplicationGroup": replicationGroup,
    "aws:elasticache/cluster:Cluster": cacheCluster,
};
