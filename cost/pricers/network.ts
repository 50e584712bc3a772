/** Load balancers, NAT gateways, VPC endpoints (interface per AZ; gateway free). */
import { free, type Pricer } from "../context";
import { qty, usd } from "../format";
import { arr, bool, records, str } from "../props";
import { addInternetEgress, addPublicIpv4 } from "./shared";

const loadBalancer: Pricer = (r, ctx) => {
    const kind = str(r.props, "loadBalancerType") ?? "application";
    const internetFacing = bool(r.props, "internal") !== true;
    const azCount = Math.max(
        arr(r.props, "subnets")?.length ?? 0,
        records(r.props, "subnetMappings").length,
        (r.propertyDependencies.subnets ?? []).length,
        (r.propertyDependencies.subnetMappings ?? []).length,
    );
    const line = ctx.line();
    if (kind === "application") {
        const hour = ctx.prices.usd("loadBalancer", "alb.hour");
        line.fixed(ctx.hours * hour, `ALB ${ctx.hours} h × ${usd(hour)}/h`);
        line.usageHourly(ctx.use("alb.avgLcu", r), ctx.hours, ctx.prices.usd("loadBalancer", "alb.lcuHour"), "LCU", "capacity units");
    } else if (kind === "network") {
        const hour = ctx.prices.usd("loadBalancer", "nlb.hour");
        line.fixed(ctx.hours * hour, `NLB ${ctx.hours} h × ${usd(hour)}/h`);
        line.usageHourly(ctx.use("nlb.avgNlcu", r), ctx.hours, ctx.prices.usd("loadBalancer", "nlb.nlcuHour"), "NLCU", "capacity units");
    } else {
        return { unpriced: `${kind} load balancers are not modelled` };
    }
    if (internetFacing) {
        const count = Math.max(azCount, 1);
        addPublicIpv4(line, ctx, count, `one per AZ of the internet-facing ${kind === "application" ? "ALB" : "NLB"}${azCount === 0 ? ", subnets not known: 1 assumed" : ""}`);
        addInternetEgress(line, r, ctx);
    }
    return line.build();
};

const classicLoadBalancer: Pricer = (r, ctx) => {
    const hour = ctx.prices.usd("loadBalancer", "classic.hour");
    const line = ctx.line().fixed(ctx.hours * hour, `Classic LB ${ctx.hours} h × ${usd(hour)}/h`);
    if (bool(r.props, "internal") !== true) addInternetEgress(line, r, ctx);
    return line.build();
};

const natGateway: Pricer = (r, ctx) => {
    const hour = ctx.prices.usd("network", "natGateway.hour");
    return ctx
        .line()
        .fixed(ctx.hours * hour, `${ctx.hours} h × ${usd(hour)}/h`)
        .usage(ctx.use("nat.gbProcessedPerMonth", r), ctx.prices.usd("network", "natGateway.gbProcessed"), "GB", "data processed")
        .build();
};

const vpcEndpoint: Pricer = (r, ctx) => {
    const kind = str(r.props, "vpcEndpointType") ?? "Gateway";
    if (kind === "Gateway") return free("gateway endpoint (S3/DynamoDB)");
    if (kind !== "Interface") return { unpriced: `${kind} endpoints are not modelled` };
    const subnets = Math.max(arr(r.props, "subnetIds")?.length ?? 0, (r.propertyDependencies.subnetIds ?? []).length);
    const azs = Math.max(subnets, 1);
    const hour = ctx.prices.usd("network", "interfaceEndpoint.hourPerAz");
    return ctx
        .line()
        .fixed(azs * ctx.hours * hour, `${qty(azs)} AZ${subnets === 0 ? " (subnets not known: 1 assumed)" : ""} × ${ctx.hours} h × ${usd(hour)}/h (${str(r.props, "serviceName") ?? "interface endpoint"})`)
        .usage(ctx.use("vpcEndpoint.gbProcessedPerMonth", r), ctx.prices.usd("network", "interfaceEndpoint.gbProcessed"), "GB", "data processed")
        .build();
};

export const networkPricers: Record<string, Pricer> = {
    "aws:lb/loadBalancer:LoadBalancer": loadBalancer,
    "aws:alb/loadBalancer:LoadBalancer": loadBalancer,
    "aws:elb/loadBalancer:LoadBalancer": classicLoadBalancer,
    "aws:ec2/natGateway:NatGateway": natGateway,
    "aws:ec2/vpcEndpoint:VpcEndpoint": vpcEndpoint,
};
