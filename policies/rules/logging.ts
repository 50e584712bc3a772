/**
 * Logging in the enterprise profile: VPC flow logs, a CloudTrail trail, ALB access logs. Nothing is reported
 * in the zero and hero profiles.
 */
import { LOAD_BALANCERS, AWS_TYPE } from "../../model/aws-types";
import { finding, notEvaluated, type RuleFinding, type StackRule } from "../lib/rule";
import { cisAws, fsbp } from "./frameworks";
import { asBool, asString, at, UNKNOWN } from "../../model/values";

export const vpcFlowLogs: StackRule = {
    kind: "stack",
    name: "vpc-flow-logs",
    description: "In the enterprise profile every VPC has a flow log.",
    severity: "medium",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "logging",
    frameworks: [...fsbp("EC2.6"), ...cisAws("3.0", "3.7")],
    remediationSteps: "Add an aws.ec2.FlowLog with vpcId: vpc.id, trafficType \"ALL\", to CloudWatch Logs or S3.",
    check(ctx) {
        const covered = new Set<string>();
        let unknown = false;
        for (const log of ctx.graph.ofType(AWS_TYPE.flowLog)) {
            const ref = ctx.graph.ref(log, "vpcId", [AWS_TYPE.vpc]);
            if (ref.unknown) unknown = true;
            for (const v of ref.targets) covered.add(v.urn);
        }
        const out: RuleFinding[] = [];
        for (const vpc of ctx.graph.ofType(AWS_TYPE.vpc)) {
            if (ctx.stage(vpc) !== "enterprise" || covered.has(vpc.urn)) continue;
            out.push(unknown ? notEvaluated(vpc, "vpcId", `flow logs of ${vpc.name}`) : finding(vpc, `VPC ${vpc.name} has no flow log`));
        }
        return out;
    },
};

export const cloudtrailEnabled: StackRule = {
    kind: "stack",
    name: "cloudtrail-enabled",
    description: "In the enterprise profile the stack manages a CloudTrail trail (turn off with requireTrail when an organization trail covers the account).",
    severity: "medium",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "logging",
    frameworks: [...fsbp("CloudTrail.1"), ...cisAws("3.0", "3.1")],
    remediationSteps: "Add an aws.cloudtrail.Trail (multi-region, log file validation, KMS-encrypted bucket), or, when an organization trail covers the account, set pack config { \"runway-graph\": { \"cloudtrail-enabled\": { \"requireTrail\": false } } }.",
    options: { requireTrail: { type: "boolean", default: true, description: "Require a trail in this stack (false when an organization trail exists)." } },
    check(ctx) {
        if (ctx.options.requireTrail === false) return [];
        const anchor = ctx.graph.ofType("pulumi:pulumi:Stack")[0];
        const awsType = [...ctx.graph.types()].find((t) => t.startsWith("aws:"));
        if (awsType === undefined || ctx.stage(anchor ?? ctx.graph.ofType(awsType)[0]) !== "enterprise") return [];
        return ctx.graph.ofType(AWS_TYPE.cloudtrail).length > 0 ? [] : [finding(anchor, "the stack has no CloudTrail trail")];
    },
};

export const albAccessLogs: StackRule = {
    kind: "stack",
    name: "alb-access-logs",
    description: "In the enterprise profile application load balancers write access logs.",
    severity: "low",
    enforcementLevel: "mandatory",
    mandatoryIn: ["enterprise"],
    topic: "logging",
    frameworks: fsbp("ELB.5"),
    remediationSteps: "Set accessLogs: { bucket, enabled: true } on the load balancer (bucket policy must allow the ELB log delivery principal).",
    check(ctx) {
        const out: RuleFinding[] = [];
        for (const lb of ctx.graph.ofType(...LOAD_BALANCERS)) {
            if (ctx.stage(lb) !== "enterprise") continue;
            const type = asString(lb.props.loadBalancerType);
            if (type !== undefined && type !== "application") continue; // default "application"
            const enabled = asBool(at(lb.props.accessLogs, "enabled"));
            const bucket = asString(at(lb.props.accessLogs, "bucket"));
            if (enabled === UNKNOWN) out.push(notEvaluated(lb, "accessLogs.enabled", `access logs of ${lb.name}`));
            // "Defaults to `false`, even when `bucket` is specified." (provider v7)
            else if (bucket === undefined || enabled !== true) out.push(finding(lb, `load balancer ${lb.name} writes no access logs`));
        }
        return out;
    },
};
