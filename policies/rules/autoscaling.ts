/**
 * Missing autoscaling. Every ECS service has an Application Auto Scaling target for
 * `service/<cluster>/<service>` (linked by the known resource id, by names, or in preview by
 * propertyDependencies) with at least one target-tracking or step policy; every Auto Scaling group has a
 * scaling policy, or (zero stage only) desired == max with an explicit opt-out tag.
 */
import { AWS_TYPE } from "../../model/aws-types";
import type { Graph } from "../../model/graph";
import { pushTo } from "../../model/multimap";
import type { StackResource } from "../../model/resource";
import { finding, notEvaluated, type RuleFinding, type StackRule } from "../lib/rule";
import { wellArchitected } from "./frameworks";
import { asArray, asNumber, asString, at, tagsOf, UNKNOWN } from "../../model/values";

const ECS_DIMENSION = "ecs:service:DesiredCount";
export const ASG_OPT_OUT_TAG = "runway:autoscaling-opt-out";

/** The last path segment of an ARN or a plain name. */
function shortName(value: string): string {
    return value.includes("/") ? value.slice(value.lastIndexOf("/") + 1) : value;
}

interface EcsLinks {
    targetsOf(service: StackResource): StackResource[];
    policiesOf(target: StackResource): StackResource[];
    unresolvedTargets: StackResource[];
}

/** Links in O(services + targets + policies): services indexed by name, targets by resource id (maps keyed by the graph's resource objects). */
function ecsLinks(g: Graph): EcsLinks {
    return g.view("ecs-autoscaling", (graph) => {
        // A service's name for `service/<cluster>/<name>`: its `name` input, or its logical name when unset.
        const servicesByName = new Map<string, StackResource[]>();
        for (const svc of graph.ofType(AWS_TYPE.ecsService)) {
            const name = asString(svc.props.name);
            if (typeof name === "string") pushTo(servicesByName, name, svc);
            else if (name === undefined) pushTo(servicesByName, svc.name, svc);
        }
        const byService = new Map<StackResource, StackResource[]>();
        const unresolvedTargets: StackResource[] = [];
        const targets = graph.ofType(AWS_TYPE.scalingTarget);
        for (const target of targets) {
            const ns = asString(target.props.serviceNamespace);
            const dim = asString(target.props.scalableDimension);
            if ((typeof ns === "string" && ns !== "ecs") || (typeof dim === "string" && dim !== ECS_DIMENSION)) continue;
            const id = asString(target.props.resourceId);
            let linked = false;
            if (typeof id === "string") {
                const m = /^service\/([^/]+)\/([^/]+)$/.exec(id);
                if (m) {
                    for (const svc of servicesByName.get(m[2]) ?? []) {
                        const cluster = asString(svc.props.cluster);
                        if (typeof cluster !== "string" || shortName(cluster) === m[1]) {
                            pushTo(byService, svc, target);
                            linked = true;
                        }
                    }
                }
            }
            if (!linked) {
                // Unknown in preview, or interpolated from names the graph cannot read: the dependencies decide.
                for (const svc of graph.linked(target, "resourceId")) {
                    if (svc.type !== AWS_TYPE.ecsService || byService.get(svc)?.includes(target)) continue;
                    pushTo(byService, svc, target);
                    linked = true;
                }
            }
            if (!linked && id === UNKNOWN) unresolvedTargets.push(target);
        }
        const targetSet = new Set(targets);
        const targetsById = new Map<string, StackResource[]>();
        for (const t of targets) {
            const id = asString(t.props.resourceId);
            if (typeof id === "string") pushTo(targetsById, id, t);
        }
        const byTarget = new Map<StackResource, StackResource[]>();
        for (const policy of graph.ofType(AWS_TYPE.scalingPolicy)) {
            const matched = new Set<StackResource>();
            for (const p of ["resourceId", "scalableDimension", "serviceNamespace"]) {
                for (const t of graph.linked(policy, p)) if (targetSet.has(t)) matched.add(t);
            }
            const id = asString(policy.props.resourceId);
            if (typeof id === "string") for (const t of targetsById.get(id) ?? []) matched.add(t);
            for (const t of matched) pushTo(byTarget, t, policy);
        }
        return { targetsOf: (s) => byService.get(s) ?? [], policiesOf: (t) => byTarget.get(t) ?? [], unresolvedTargets };
    });
}

export const ecsServiceAutoscaling: StackRule = {
    kind: "stack",
    name: "ecs-service-autoscaling",
    description: "Every ECS service has an Application Auto Scaling target (min < max) with at least one target-tracking or step scaling policy.",
    severity: "medium",
    enforcementLevel: "mandatory",
    topic: "autoscaling",
    frameworks: wellArchitected("REL07-BP01"),
    remediationSteps: "Add an aws.appautoscaling.Target (serviceNamespace \"ecs\", scalableDimension \"ecs:service:DesiredCount\", resourceId pulumi.interpolate`service/${cluster.name}/${service.name}`, minCapacity < maxCapacity) and an aws.appautoscaling.Policy (TargetTrackingScaling on ECSServiceAverageCPUUtilization, e.g. 70 %).",
    check(ctx) {
        const out: RuleFinding[] = [];
        const links = ecsLinks(ctx.graph);
        for (const svc of ctx.graph.ofType(AWS_TYPE.ecsService)) {
            if (asString(svc.props.schedulingStrategy) === "DAEMON") continue; // one task per instance: nothing to scale
            const targets = links.targetsOf(svc);
            if (targets.length === 0) {
                out.push(links.unresolvedTargets.length > 0
                    ? notEvaluated(links.unresolvedTargets[0], "resourceId", `autoscaling of ECS service ${svc.name}`)
                    : finding(svc, `ECS service ${svc.name} has no autoscaling target (service/<cluster>/<service>)`, { path: [svc.name, "no aws:appautoscaling/target"] }));
                continue;
            }
            const scalable = targets.filter((t) => {
                const min = asNumber(t.props.minCapacity);
                const max = asNumber(t.props.maxCapacity);
                return min === UNKNOWN || max === UNKNOWN || min === undefined || max === undefined || max > min;
            });
            if (scalable.length === 0) {
                out.push(finding(svc, `ECS service ${svc.name}: its autoscaling target ${targets[0].name} has maxCapacity <= minCapacity, so it cannot scale`, { path: [svc.name, `target ${targets[0].name}`] }));
                continue;
            }
            const withPolicy = scalable.find((t) => links.policiesOf(t).some((p) => {
                const type = asString(p.props.policyType);
                return type === undefined || type === UNKNOWN || type === "TargetTrackingScaling" || type === "StepScaling"; // default StepScaling
            }));
            if (!withPolicy) {
                out.push(finding(svc, `ECS service ${svc.name} has autoscaling target ${scalable[0].name} but no target-tracking or step scaling policy on it`, { path: [svc.name, `target ${scalable[0].name}`, "no aws:appautoscaling/policy"] }));
            }
        }
        return out;
    },
};

/** ASG tags: a list of { key, value } (provider v7) or a map. */
function asgTags(r: StackResource): Record<string, string> {
    const out = tagsOf(r.props, r.providerProps);
    const list = asArray(r.props.tags);
    if (Array.isArray(list)) {
        for (const t of list) {
            const k = asString(at(t, "key"));
            const v = asString(at(t, "value"));
            if (typeof k === "string" && typeof v === "string") out[k] = v;
        }
    }
    return out;
}

export const asgScalingPolicy: StackRule = {
    kind: "stack",
    name: "asg-scaling-policy",
    description: "Every Auto Scaling group has a scaling policy (zero stage: or desired == max with the runway:autoscaling-opt-out tag).",
    severity: "medium",
    enforcementLevel: "mandatory",
    topic: "autoscaling",
    frameworks: wellArchitected("REL07-BP01"),
    remediationSteps: "Add an aws.autoscaling.Policy (TargetTrackingScaling on ASGAverageCPUUtilization) for the group, or — in the zero stage only — set desiredCapacity == maxSize and tag the group runway:autoscaling-opt-out=<reason>.",
    check(ctx) {
        const out: RuleFinding[] = [];
        const g = ctx.graph;
        const policies = g.ofType(AWS_TYPE.asgPolicy);
        // Each policy's reference resolved once (not once per group).
        const covered = new Set<StackResource>();
        let unknown = false;
        for (const p of policies) {
            const ref = g.ref(p, "autoscalingGroupName", [AWS_TYPE.asg]);
            if (ref.unknown) unknown = true;
            for (const t of ref.targets) covered.add(t);
        }
        for (const asg of g.ofType(AWS_TYPE.asg)) {
            if (covered.has(asg)) continue;
            const optOut = asgTags(asg)[ASG_OPT_OUT_TAG];
            const desired = asNumber(asg.props.desiredCapacity);
            const max = asNumber(asg.props.maxSize);
            if (optOut !== undefined && ctx.stage(asg) === "zero") {
                if (desired === UNKNOWN || max === UNKNOWN) {
                    out.push(notEvaluated(asg, desired === UNKNOWN ? "desiredCapacity" : "maxSize", `autoscaling opt-out of ${asg.name}`));
                    continue;
                }
                if (desired === max || (desired === undefined && asNumber(asg.props.minSize) === max)) continue;
                out.push(finding(asg, `Auto Scaling group ${asg.name} opts out of autoscaling but desired (${desired ?? "min"}) != max (${max})`));
                continue;
            }
            if (unknown) {
                out.push(notEvaluated(policies[0], "autoscalingGroupName", `scaling policies of ${asg.name}`));
                continue;
            }
            out.push(finding(asg, `Auto Scaling group ${asg.name} has no scaling policy${optOut !== undefined ? ` (the ${ASG_OPT_OUT_TAG} tag is honoured only in the zero stage; this is ${ctx.stage(asg)})` : ""}`));
        }
        return out;
    },
};
