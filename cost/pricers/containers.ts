/** ECS on Fargate (priced at the autoscaled average task count), ECS clusters, ECR repositories. */
import type { StackResource } from "../../model/resource";
import { free, type Pricer, type PricingContext } from "../context";
import { qty, usd } from "../format";
import { num, records, rec, str } from "../props";
import { scheduledActionsFor, scheduleHours } from "../schedule";

const SERVICE = "aws:ecs/service:Service";
const TASK_DEFINITION = "aws:ecs/taskDefinition:TaskDefinition";
const CLUSTER = "aws:ecs/cluster:Cluster";
const TARGET = "aws:appautoscaling/target:Target";

/** Fargate task size: `"256"` CPU units or `"0.25 vCPU"`; `"512"` MiB or `"0.5 GB"`. */
export function parseTaskSize(cpu: string | undefined, memory: string | undefined): { vcpu: number; gb: number } | undefined {
    if (cpu === undefined || memory === undefined) return undefined;
    const vcpuMatch = /^\s*([\d.]+)\s*vcpu\s*$/i.exec(cpu);
    const vcpu = vcpuMatch !== null ? Number(vcpuMatch[1]) : Number(cpu) / 1024;
    const gbMatch = /^\s*([\d.]+)\s*gb\s*$/i.exec(memory);
    const gb = gbMatch !== null ? Number(gbMatch[1]) : Number(memory) / 1024;
    return Number.isFinite(vcpu) && Number.isFinite(gb) && vcpu > 0 && gb > 0 ? { vcpu, gb } : undefined;
}

/** The task definition a service runs: by property dependency, else by ARN or family. */
function taskDefinitionOf(ctx: PricingContext, service: StackResource): StackResource | undefined {
    const linked = ctx.graph.linked(service, "taskDefinition").find((t) => t.type === TASK_DEFINITION);
    if (linked !== undefined) return linked;
    const ref = str(service.props, "taskDefinition");
    if (ref === undefined) return undefined;
    const family = /task-definition\/([^:]+)/.exec(ref)?.[1] ?? ref.split(":")[0];
    return ctx.graph
        .ofType(TASK_DEFINITION)
        .find((t) => str(t.props, "arn") === ref || str(t.props, "arnWithoutRevision") === ref || str(t.props, "family") === family);
}

/** The autoscaling target that scales a service: by property dependency, else by `service/<cluster>/<name>`. */
export function autoscalingTargetOf(ctx: PricingContext, service: StackResource): StackResource | undefined {
    const linked = ctx.graph.referencing(service, [TARGET], "resourceId")[0];
    if (linked !== undefined) return linked;
    const name = str(service.props, "name");
    if (name === undefined) return undefined;
    const clusterRef = str(service.props, "cluster");
    const clusterName = clusterRef?.split("/").pop();
    return ctx.graph.ofType(TARGET).find((t) => {
        const parts = /^service\/([^/]+)\/([^/]+)$/.exec(str(t.props, "resourceId") ?? "");
        return parts !== null && parts[2] === name && (clusterName === undefined || parts[1] === clusterName);
    });
}

const service: Pricer = (r, ctx) => {
    const strategies = records(r.props, "capacityProviderStrategies").map((s) => str(s, "capacityProvider") ?? "");
    const launchType = str(r.props, "launchType") ?? (strategies.some((s) => s.startsWith("FARGATE")) ? "FARGATE" : undefined);
    if (launchType === "EC2" || launchType === "EXTERNAL" || (launchType === undefined && strategies.length > 0)) {
        return free(`runs on ${launchType ?? "EC2 capacity provider"} capacity, priced with its instances`);
    }
    if (launchType === undefined) ctx.assume("ECS services without a launch type or capacity provider are priced as Fargate.");
    if (strategies.includes("FARGATE_SPOT")) ctx.assume("Fargate Spot capacity is priced at the on-demand Fargate rate (an upper bound).");
    const task = taskDefinitionOf(ctx, r);
    if (task === undefined) return { unpriced: "task definition not linked (no property dependency, ARN or family match)" };
    const size = parseTaskSize(str(task.props, "cpu"), str(task.props, "memory"));
    if (size === undefined) return { unpriced: `task size not known (task definition ${task.name} cpu/memory)` };
    const arch = (str(rec(task.props, "runtimePlatform"), "cpuArchitecture") ?? "X86_64").toUpperCase() === "ARM64" ? "arm" : "x86";
    const vcpuPrice = ctx.prices.usd("fargate", `${arch}.vcpuHour`);
    const gbPrice = ctx.prices.usd("fargate", `${arch}.gbHour`);
    const ephemeralGb = Math.max(0, (num(rec(task.props, "ephemeralStorage"), "sizeInGib") ?? 20) - 20);
    const ephemeralPrice = ctx.prices.usd("fargate", "ephemeral.gbHour");
    const taskHour = size.vcpu * vcpuPrice + size.gb * gbPrice + ephemeralGb * ephemeralPrice;
    const archText = arch === "arm" ? "ARM64" : "X86_64";
    const sizeText = `(${qty(size.vcpu)} vCPU × ${usd(vcpuPrice)} + ${qty(size.gb)} GB × ${usd(gbPrice)}${ephemeralGb > 0 ? ` + ${qty(ephemeralGb)} GB ephemeral × ${usd(ephemeralPrice)}` : ""}) ${archText}`;
    const desired = num(r.props, "desiredCount") ?? 1;

    const target = autoscalingTargetOf(ctx, r);
    const line = ctx.line();
    if (target === undefined) {
        return line
            .fixed(desired * taskHour * ctx.hours, `${qty(desired)} tasks (desiredCount, no autoscaling target) × ${sizeText} × ${ctx.hours} h`)
            .build();
    }
    const min = num(target.props, "minCapacity") ?? desired;
    const max = Math.max(num(target.props, "maxCapacity") ?? min, min);
    const explicit = ctx.usage.readOptional("ecs.avgTasks", r.name);
    let avg: number;
    let avgText: string;
    let none = false;
    if (explicit !== undefined) {
        avg = Math.min(Math.max(explicit.value, min), max);
        avgText = `avg ${qty(avg)} tasks (min ${qty(min)}..max ${qty(max)}, ${explicit.label})`;
    } else {
        const fraction = ctx.use("ecs.avgTaskFraction", r);
        none = fraction.none;
        avg = min + fraction.value * (max - min);
        avgText = none
            ? `min ${qty(min)} tasks (min ${qty(min)}..max ${qty(max)}, usage: none)`
            : `avg ${qty(avg)} tasks (min ${qty(min)}..max ${qty(max)}, ${fraction.label})`;
    }
    const schedule = scheduleHours(ctx, scheduledActionsFor(ctx, target, r), r);
    const hours = schedule?.hours ?? ctx.hours;
    const hoursLabel = schedule === undefined ? `${ctx.hours} h` : `${qty(hours)} h (${schedule.text})`;
    const monthly = avg * taskHour * hours;
    line.usageAmount(monthly, `${avgText} × ${sizeText} × ${hoursLabel}`, none || (schedule?.none ?? false));
    line.range({ minUsd: min * taskHour * hours, maxUsd: max * taskHour * hours });
    ctx.saving({
        title: `${r.name}: autoscaled Fargate at average load vs pinned at max`,
        urn: r.urn,
        withUsd: monthly,
        withoutUsd: max * taskHour * hours,
        explanation: `Target tracking keeps ${r.name} between ${qty(min)} and ${qty(max)} tasks; priced at the average ${qty(avg)} rather than ${qty(max)} tasks around the clock.`,
    });
    if (schedule !== undefined) {
        ctx.saving({
            title: `${r.name}: scheduled off at night vs running around the clock`,
            urn: r.urn,
            withUsd: monthly,
            withoutUsd: avg * taskHour * ctx.hours,
            explanation: `Scheduled actions scale ${r.name} to zero outside working hours: ${qty(hours)} of ${ctx.hours} hours a month.`,
        });
    }
    return line.build();
};

const cluster: Pricer = (r, ctx) => {
    const insights = records(r.props, "settings").some((s) => str(s, "name") === "containerInsights" && str(s, "value") !== "disabled");
    if (!insights) return free();
    ctx.assume("Container Insights metrics and performance logs are billed as CloudWatch custom metrics and log ingestion; they are not modelled.");
    return { monthlyUsd: 0, basis: "cluster free; Container Insights metrics/logs billed by CloudWatch usage, not modelled", usageBased: true, needsUsage: true };
};

const repository: Pricer = (r, ctx) =>
    ctx.line().usage(ctx.use("ecr.gbStored", r), ctx.prices.usd("ecr", "storage.gbMonth"), "GB-mo", "image storage").build();

export const containerPricers: Record<string, Pricer> = {
    [SERVICE]: service,
    [CLUSTER]: cluster,
    "aws:ecr/repository:Repository": repository,
};
