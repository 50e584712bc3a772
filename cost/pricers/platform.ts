/** EKS (clusters, managed node groups), OpenSearch domains, EFS, MSK, Kinesis Data Streams, Step Functions. */
import { free, type Pricer } from "../context";
import { qty, usd } from "../format";
import { arr, bool, num, rec, str } from "../props";
import { instanceHourly } from "./compute";
import { ebsVolume } from "./shared";

const eksCluster: Pricer = (r, ctx) => {
    const hour = ctx.prices.usd("eks", "cluster.hour");
    ctx.assume("EKS clusters are priced at standard support; a Kubernetes version in extended support adds the extended-support surcharge per cluster-hour.");
    return ctx.line().fixed(ctx.hours * hour, `EKS control plane ${ctx.hours} h × ${usd(hour)}/h${str(r.props, "version") ? ` (Kubernetes ${str(r.props, "version")})` : ""}`).build();
};

const eksNodeGroup: Pricer = (r, ctx) => {
    const scaling = rec(r.props, "scalingConfig");
    const desired = num(scaling, "desiredSize") ?? num(scaling, "minSize");
    if (desired === undefined) return { unpriced: "node count not known (scalingConfig.desiredSize)" };
    const types = (arr(r.props, "instanceTypes") ?? []).filter((t): t is string => typeof t === "string");
    if (str(r.props, "capacityType") === "SPOT") ctx.assume("Spot node groups are priced at the on-demand rate (an upper bound).");
    if (types.length === 0 && (r.propertyDependencies.launchTemplate ?? []).length > 0) return { unpriced: "instance type set by a launch template (not modelled for node groups)" };
    const instanceType = types[0] ?? "t3.medium";
    const hourly = instanceHourly(ctx, instanceType);
    if (typeof hourly !== "number") return hourly;
    const disk = ebsVolume(ctx.prices, "gp3", num(r.props, "diskSize") ?? 20, undefined, undefined);
    if ("unpriced" in disk) return disk;
    const each = ctx.hours * hourly + disk.usd;
    return ctx
        .line()
        .fixed(desired * each, `${qty(desired)} nodes × (${ctx.hours} h × ${usd(hourly)}/h (${instanceType}${types.length === 0 ? ", the EKS default" : ""}) + ${disk.text})`)
        .build();
};

const openSearchDomain: Pricer = (r, ctx) => {
    const cluster = rec(r.props, "clusterConfig");
    const type = str(cluster, "instanceType") ?? "m6g.large.search";
    const count = num(cluster, "instanceCount") ?? 1;
    const hourly = ctx.prices.usd("opensearch", type);
    const line = ctx.line().fixed(count * ctx.hours * hourly, `${qty(count)} data nodes × ${ctx.hours} h × ${usd(hourly)}/h (${type})`);
    if (bool(cluster, "dedicatedMasterEnabled") === true) {
        const masterType = str(cluster, "dedicatedMasterType") ?? type;
        const masters = num(cluster, "dedicatedMasterCount") ?? 3;
        const mh = ctx.prices.usd("opensearch", masterType);
        line.fixed(masters * ctx.hours * mh, `${qty(masters)} dedicated masters × ${ctx.hours} h × ${usd(mh)}/h (${masterType})`);
    }
    const ebs = rec(r.props, "ebsOptions");
    if (bool(ebs, "ebsEnabled") !== false && num(ebs, "volumeSize") !== undefined) {
        const volumeType = str(ebs, "volumeType") ?? "gp3";
        const gb = num(ebs, "volumeSize") ?? 0;
        const p = ctx.prices.usd("opensearch", `${volumeType}.gbMonth`);
        line.fixed(count * gb * p, `${qty(count)} × ${qty(gb)} GB ${volumeType} × ${usd(p)}/GB-mo`);
    }
    ctx.assume("OpenSearch gp3 IOPS/throughput above baseline, UltraWarm and cold storage are not priced.");
    return line.build();
};

const efsFileSystem: Pricer = (r, ctx) => {
    if (str(r.props, "throughputMode") === "provisioned") ctx.assume("EFS provisioned throughput is not priced.");
    if (str(r.props, "availabilityZoneName") !== undefined) ctx.assume("EFS One Zone file systems are priced at the Regional (Standard) rate (an upper bound).");
    return ctx.line().usage(ctx.use("efs.gbStored", r), ctx.prices.usd("efs", "standard.gbMonth"), "GB-mo", "EFS Standard storage").build();
};

const mskCluster: Pricer = (r, ctx) => {
    const info = rec(r.props, "brokerNodeGroupInfo");
    const type = str(info, "instanceType");
    if (type === undefined) return { unpriced: "broker instance type not known" };
    const brokers = num(r.props, "numberOfBrokerNodes") ?? 3;
    const hourly = ctx.prices.usd("msk", type);
    const gb = num(rec(rec(info, "storageInfo"), "ebsStorageInfo"), "volumeSize") ?? 1000;
    const storage = ctx.prices.usd("msk", "storage.gbMonth");
    return ctx
        .line()
        .fixed(brokers * ctx.hours * hourly, `${qty(brokers)} brokers × ${ctx.hours} h × ${usd(hourly)}/h (${type})`)
        .fixed(brokers * gb * storage, `${qty(brokers)} × ${qty(gb)} GB broker storage × ${usd(storage)}/GB-mo`)
        .build();
};

const mskServerless: Pricer = (r, ctx) => {
    const hour = ctx.prices.usd("msk", "serverless.clusterHour");
    ctx.assume("MSK Serverless partitions, storage and data in/out are not priced (cluster-hours only).");
    return ctx.line().fixed(ctx.hours * hour, `MSK Serverless ${ctx.hours} h × ${usd(hour)}/h`).build();
};

const kinesisStream: Pricer = (r, ctx) => {
    const onDemand = str(rec(r.props, "streamModeDetails"), "streamMode") === "ON_DEMAND";
    const line = ctx.line();
    if (onDemand) {
        const hour = ctx.prices.usd("kinesis", "onDemand.streamHour");
        line.fixed(ctx.hours * hour, `on-demand stream ${ctx.hours} h × ${usd(hour)}/h`);
        line.usage(ctx.use("kinesis.gbInPerMonth", r), ctx.prices.usd("kinesis", "onDemand.gbIn"), "GB", "data ingested");
        return line.build();
    }
    const shards = num(r.props, "shardCount") ?? 1;
    const hour = ctx.prices.usd("kinesis", "shard.hour");
    line.fixed(shards * ctx.hours * hour, `${qty(shards)} shards × ${ctx.hours} h × ${usd(hour)}/h`);
    line.usage(ctx.use("kinesis.putPayloadUnitsMillionsPerMonth", r), ctx.prices.usd("kinesis", "putPayloadUnits.perMillion"), "M PUT units", "PUT payload units");
    return line.build();
};

const stateMachine: Pricer = (r, ctx) => {
    if (str(r.props, "type") === "EXPRESS") {
        ctx.assume("Step Functions Express workflows are priced by requests; their duration (GB-seconds) is not modelled.");
        return ctx.line().usage(ctx.use("stepFunctions.requestsMillionsPerMonth", r), ctx.prices.usd("stepFunctions", "express.perMillionRequests"), "M req", "Express requests").build();
    }
    return ctx
        .line()
        .usage(ctx.use("stepFunctions.transitionsMillionsPerMonth", r), ctx.prices.usd("stepFunctions", "standard.perMillionTransitions"), "M transitions", "state transitions")
        .build();
};

export const platformPricers: Record<string, Pricer> = {
    "aws:eks/cluster:Cluster": eksCluster,
    "aws:eks/nodeGroup:NodeGroup": eksNodeGroup,
    "aws:eks/fargateProfile:FargateProfile": () => free("its pods are billed as Fargate capacity, not modelled"),
    "aws:eks/addon:Addon": () => free(),
    "aws:opensearch/domain:Domain": openSearchDomain,
    "aws:efs/fileSystem:FileSystem": efsFileSystem,
    "aws:efs/mountTarget:MountTarget": () => free(),
    "aws:msk/cluster:Cluster": mskCluster,
    "aws:msk/serverlessCluster:ServerlessCluster": mskServerless,
    "aws:kinesis/stream:Stream": kinesisStream,
    "aws:sfn/stateMachine:StateMachine": stateMachine,
};
