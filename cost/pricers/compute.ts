/** EC2: instances, Auto Scaling groups, EBS volumes, Elastic IPs, DLM snapshot policies. */
import type { StackResource } from "../../model/resource";
import { free, type Pricer, type PricingContext } from "../context";
import { MissingPrice } from "../errors";
import { qty, usd } from "../format";
import { bool, num, rec, records, str } from "../props";
import type { PriceResult } from "../types";
import { addInternetEgress, addPublicIpv4, ebsVolume } from "./shared";

const EIP = "aws:ec2/eip:Eip";
const CAPACITY_PROVIDER = "aws:ecs/capacityProvider:CapacityProvider";
const SCALERS = ["aws:autoscaling/policy:Policy", "aws:autoscaling/schedule:Schedule"];
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
const DEFAULT_ROOT_GB = 8;

/** An EC2 instance type's hourly price; a type the region's table does not list is a `MissingPrice`. */
export function instanceHourly(ctx: PricingContext, instanceType: string | undefined): number | { unpriced: string } {
    if (instanceType === undefined) return { unpriced: "instance type not known" };
    const price = ctx.prices.find("ec2Instance", instanceType);
    if (price === undefined) throw new MissingPrice(`no price for instance type ${instanceType} (ec2) in ${ctx.prices.region}`);
    return price.usd;
}

const instance: Pricer = (r, ctx) => {
    const instanceType = str(r.props, "instanceType");
    const hourly = instanceHourly(ctx, instanceType);
    if (typeof hourly !== "number") return hourly;
    const line = ctx.line().fixed(ctx.hours * hourly, `${ctx.hours} h × ${usd(hourly)}/h (${instanceType})`);
    if (instanceType?.startsWith("t")) {
        ctx.assume("Burstable (t*) instances run at or below their CPU baseline: no surplus CPU credits are charged.");
    }
    const root = rec(r.props, "rootBlockDevice");
    const rootSize = num(root, "volumeSize");
    const rootType = str(root, "volumeType") ?? "gp3";
    const rootCost = ebsVolume(ctx.prices, rootType, rootSize ?? DEFAULT_ROOT_GB, num(root, "iops"), num(root, "throughput"));
    if ("unpriced" in rootCost) return rootCost;
    line.fixed(rootCost.usd, `root volume ${rootCost.text}${rootSize === undefined ? " (size not declared: AMI default 8 GB assumed)" : ""}`);
    for (const device of records(r.props, "ebsBlockDevices")) {
        const cost = ebsVolume(ctx.prices, str(device, "volumeType") ?? "gp3", num(device, "volumeSize") ?? 0, num(device, "iops"), num(device, "throughput"));
        if ("unpriced" in cost) return cost;
        line.fixed(cost.usd, `data volume ${cost.text}`);
    }
    const eips = ctx.graph.referencing(r, [EIP], { instance: ["id"] });
    const autoIp = bool(r.props, "associatePublicIpAddress") === true && eips.length === 0;
    if (autoIp) addPublicIpv4(line, ctx, 1, "auto-assigned");
    if (autoIp || eips.length > 0) addInternetEgress(line, r, ctx);
    return line.build();
};

const eip: Pricer = (r, ctx) => {
    const line = ctx.line();
    addPublicIpv4(line, ctx, 1, "Elastic IP, charged attached or idle");
    return line.build();
};

const volume: Pricer = (r, ctx) => {
    const size = num(r.props, "size");
    if (size === undefined) return { unpriced: "volume size not known (snapshot-sized volumes are not modelled)" };
    const cost = ebsVolume(ctx.prices, str(r.props, "type") ?? "gp3", size, num(r.props, "iops"), num(r.props, "throughput"));
    if ("unpriced" in cost) return cost;
    return ctx.line().fixed(cost.usd, cost.text).build();
};

/** True when a scaling policy, schedule or ECS capacity provider in the stack changes the group's size. */
function scales(r: StackResource, ctx: PricingContext): boolean {
    return ctx.graph.referencing(r, [CAPACITY_PROVIDER], "autoScalingGroupProvider").length > 0
        || ctx.graph.referencing(r, SCALERS, { autoscalingGroupName: ["name"] }).length > 0;
}

const autoScalingGroup: Pricer = (r, ctx): PriceResult => {
    const template = ctx.graph.resolve(r, "launchTemplate", [LAUNCH_TEMPLATE]);
    if (rec(r.props, "mixedInstancesPolicy") !== undefined) return { unpriced: "mixed-instances Auto Scaling groups are not modelled" };
    const instanceType = str(template?.props, "instanceType");
    const hourly = instanceHourly(ctx, instanceType);
    if (typeof hourly !== "number") return { unpriced: `${hourly.unpriced} (launch template not linked or without instanceType)` };
    const min = num(r.props, "minSize") ?? 0;
    const max = Math.max(num(r.props, "maxSize") ?? min, min);
    const desired = num(r.props, "desiredCapacity");
    const device = rec(records(template?.props, "blockDeviceMappings")[0], "ebs");
    const disk = ebsVolume(ctx.prices, str(device, "volumeType") ?? "gp3", num(device, "volumeSize") ?? DEFAULT_ROOT_GB, num(device, "iops"), num(device, "throughput"));
    if ("unpriced" in disk) return disk;
    const perInstance = ctx.hours * hourly + disk.usd;
    const each = `(${ctx.hours} h × ${usd(hourly)}/h (${instanceType}) + ${disk.text})`;
    if (!scales(r, ctx) && desired !== undefined) {
        // Nothing scales the group: it runs desiredCapacity instances (clamped to min..max, as AWS does).
        const fixed = Math.min(Math.max(desired, min), max);
        return ctx.line().fixed(fixed * perInstance, `${qty(fixed)} instances (desiredCapacity; no scaling policy in the stack) × ${each}`).range({ minUsd: min * perInstance, maxUsd: max * perInstance }).build();
    }
    const fraction = ctx.use("asg.avgInstanceFraction", r);
    const floor = Math.min(Math.max(desired ?? min, min), max);
    const avg = Math.max(floor, min + fraction.value * (max - min));
    const avgText = fraction.none ? `min ${qty(min)} instances (usage: none)` : `avg ${qty(avg)} instances (min ${qty(min)}..max ${qty(max)}${desired !== undefined ? `, desired ${qty(desired)}` : ""}, ${fraction.label})`;
    return ctx
        .line()
        .usageAmount((fraction.none ? min : avg) * perInstance, `${avgText} × ${each}`, fraction.none)
        .range({ minUsd: min * perInstance, maxUsd: max * perInstance })
        .build();
};

const dlmPolicy: Pricer = (r, ctx) => {
    const reading = ctx.use("ebsSnapshot.gbStored", r);
    return ctx
        .line()
        .fixed(0, "Data Lifecycle Manager itself is free")
        .usage(reading, ctx.prices.usd("ebs", "snapshot.gbMonth"), "GB-mo", "snapshots it keeps")
        .build();
};

/** Pricers by type token. */
export const computePricers: Record<string, Pricer> = {
    "aws:ec2/instance:Instance": instance,
    "aws:ec2/eip:Eip": eip,
    "aws:ebs/volume:Volume": volume,
    "aws:autoscaling/group:Group": autoScalingGroup,
    "aws:dlm/lifecyclePolicy:LifecyclePolicy": dlmPolicy,
    "aws:ec2/launchTemplate:LaunchTemplate": () => free("priced through the instances or Auto Scaling group that use it"),
};
