/**
 * Access: world-open ingress, IMDSv2, `*:*` IAM, RDS credentials, HTTPS on load balancers and CloudFront,
 * ECR scan on push.
 */
import { Graph } from "../../model/graph";
import { allowsTcpPort, describePorts, isAllPorts, securityView, type Ingress } from "../graph/security";
import { IAM_INLINE_POLICIES, LISTENERS, LOAD_BALANCERS, SECURITY_GROUPS, AWS_TYPE } from "../../model/aws-types";
import { finding, notEvaluated, type ResourceRule, type RuleFinding, type StackRule } from "../lib/rule";
import { cisAws, fsbp } from "./frameworks";
import { asArray, asBool, asList, asRecord, asString, at, plain, UNKNOWN } from "../../model/values";
import { isRecord, UNKNOWN_STRING } from "../../model/wire";

// ---- security groups ----------------------------------------------------------------------------------

function numbers(value: unknown, fallback: number[]): number[] {
    return Array.isArray(value) && value.every((v) => typeof v === "number") ? (value as number[]) : fallback;
}

function adminExposure(rule: Ingress, adminPorts: number[]): string | undefined {
    if (rule.world.length === 0) return undefined;
    if (isAllPorts(rule)) return "all ports";
    const hit = adminPorts.filter((p) => allowsTcpPort(rule, p));
    return hit.length > 0 ? `port ${hit.join(", ")}` : undefined;
}

export const sgNoWorldAdminPorts: ResourceRule = {
    kind: "resource",
    name: "sg-no-world-admin-ports",
    description: "No security group allows ingress from 0.0.0.0/0 or ::/0 to SSH (22), RDP (3389) or all ports.",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "network",
    frameworks: [...fsbp("EC2.13", "EC2.14", "EC2.53", "EC2.54", "EC2.19"), ...cisAws("3.0", "5.2", "5.3")],
    remediationSteps: "Remove the world-open rule. Reach instances with SSM Session Manager (no inbound port), or allow the port only from a bastion's security group or a corporate CIDR.",
    options: { adminPorts: { type: "array", items: { type: "integer" }, default: [22, 3389], description: "Ports never open to the world." } },
    types: [...SECURITY_GROUPS, AWS_TYPE.sgIngressRule, AWS_TYPE.sgRule],
    check(r, ctx) {
        const adminPorts = numbers(ctx.options.adminPorts, [22, 3389]);
        const out: RuleFinding[] = [];
        for (const { rule } of securityView(new Graph([r])).all) {
            const exposure = adminExposure(rule, adminPorts);
            if (exposure) out.push(finding(r, `${r.name} opens ${exposure} (${describePorts(rule)}) to ${rule.world.join(" and ")} in ${rule.property}`));
            else if (rule.cidrUnknown && (isAllPorts(rule) || adminPorts.some((p) => allowsTcpPort(rule, p)))) out.push(notEvaluated(r, rule.property, `ingress source of ${r.name}`));
        }
        return out;
    },
};

export const sgWorldIngressWebOnly: StackRule = {
    kind: "stack",
    name: "sg-world-ingress-web-only",
    description: "Ingress from the world is allowed only on web ports (80/443) and only to a load balancer's security group.",
    severity: "medium",
    enforcementLevel: "advisory",
    topic: "network",
    frameworks: fsbp("EC2.18", "EC2.19"),
    remediationSteps: "Put the service behind a load balancer: open 80/443 to the world only on the load balancer's security group, and allow the service's port only from that security group.",
    options: { allowedPorts: { type: "array", items: { type: "integer" }, default: [80, 443], description: "Ports a load balancer may open to the world." } },
    check(ctx) {
        const allowed = numbers(ctx.options.allowedPorts, [80, 443]);
        const lbGroups = new Set<string>();
        for (const lb of ctx.graph.ofType(...LOAD_BALANCERS)) {
            for (const sg of ctx.graph.ref(lb, "securityGroups", SECURITY_GROUPS).targets) lbGroups.add(sg.urn);
        }
        const out: RuleFinding[] = [];
        for (const { sg, rule } of securityView(ctx.graph).all) {
            if (rule.world.length === 0 || adminExposure(rule, [22, 3389]) !== undefined) continue; // the mandatory policy reports those
            const onlyAllowed = !isAllPorts(rule) && rule.fromPort !== undefined && rule.toPort !== undefined && rule.toPort - rule.fromPort < 1024 &&
                Array.from({ length: rule.toPort - rule.fromPort + 1 }, (_, i) => (rule.fromPort ?? 0) + i).every((p) => allowed.includes(p));
            const where = sg ? `security group ${sg.name}` : rule.declaredBy.name;
            if (!onlyAllowed) {
                out.push(finding(rule.declaredBy, `${where} opens ${describePorts(rule)} to ${rule.world.join(" and ")}; only ${allowed.join("/")} may be open to the world`));
            } else if (sg && !lbGroups.has(sg.urn)) {
                out.push(finding(rule.declaredBy, `${where} opens ${describePorts(rule)} to ${rule.world.join(" and ")} but is not a load balancer's security group`));
            }
        }
        return out;
    },
};

// ---- IMDSv2 -------------------------------------------------------------------------------------------

export const ec2Imdsv2Required: ResourceRule = {
    kind: "resource",
    name: "ec2-imdsv2-required",
    description: "EC2 instances, launch templates and launch configurations require IMDSv2 (metadataOptions.httpTokens = \"required\").",
    severity: "high",
    enforcementLevel: "mandatory",
    topic: "compute",
    frameworks: [...fsbp("EC2.8", "EC2.170", "AutoScaling.3"), ...cisAws("3.0", "5.6")],
    remediationSteps: "Set metadataOptions: { httpTokens: \"required\", httpEndpoint: \"enabled\" } (remediation can do it: level \"remediate\").",
    types: [AWS_TYPE.instance, AWS_TYPE.launchTemplate, AWS_TYPE.launchConfiguration],
    check(r) {
        const options = asRecord(r.props.metadataOptions);
        if (options === UNKNOWN) return [notEvaluated(r, "metadataOptions", `IMDS settings of ${r.name}`)];
        const endpoint = asString(at(options, "httpEndpoint"));
        if (endpoint === "disabled") return []; // no metadata service at all
        const tokens = asString(at(options, "httpTokens"));
        if (tokens === UNKNOWN) return [notEvaluated(r, "metadataOptions.httpTokens", `IMDS settings of ${r.name}`)];
        if (tokens === "required") return [];
        // Unset: IMDSv1 stays available unless the AMI is registered with ImdsSupport v2.0
        // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html).
        return [finding(r, `${r.name} allows IMDSv1: metadataOptions.httpTokens is ${tokens === undefined ? "not set (AWS default \"optional\" unless the AMI requires v2)" : `"${tokens}"`}`)];
    },
    remediate(props) {
        const options = asRecord(props.metadataOptions);
        if (options === UNKNOWN) return undefined;
        if (asString(at(options, "httpTokens")) === "required" || asString(at(options, "httpEndpoint")) === "disabled") return undefined;
        return { ...props, metadataOptions: { ...(options ?? {}), httpTokens: "required" } };
    },
};

// ---- IAM ----------------------------------------------------------------------------------------------

function listOf(value: unknown): unknown[] {
    const v = plain(value);
    return Array.isArray(v) ? v.map(plain) : v === undefined ? [] : [v];
}

/** Statements that allow every action on every resource. */
export function adminStatements(document: unknown): { found: number; unknown: boolean } {
    let doc = plain(document);
    if (doc === UNKNOWN) return { found: 0, unknown: true };
    if (typeof doc === "string") {
        if (doc.includes(UNKNOWN_STRING)) return { found: 0, unknown: true };
        try {
            doc = JSON.parse(doc) as unknown;
        } catch {
            return { found: 0, unknown: false }; // not JSON: IAM would reject it
        }
    }
    if (!isRecord(doc)) return { found: 0, unknown: false };
    let found = 0;
    let unknown = false;
    for (const s of listOf(doc.Statement)) {
        if (s === UNKNOWN) {
            unknown = true;
            continue;
        }
        if (!isRecord(s) || plain(s.Effect) !== "Allow") continue;
        const actions = listOf(s.Action);
        const resources = listOf(s.Resource);
        if (actions.includes(UNKNOWN) || resources.includes(UNKNOWN)) unknown = true;
        if (actions.some((a) => a === "*" || a === "*:*") && resources.includes("*")) found++;
    }
    return { found, unknown };
}

export const iamNoAdminStar: ResourceRule = {
    kind: "resource",
    name: "iam-no-admin-star",
    description: "No IAM policy allows action \"*\" on resource \"*\" (managed, inline role/user/group policies, role inlinePolicies).",
    severity: "critical",
    enforcementLevel: "mandatory",
    neverWaivable: true,
    topic: "iam",
    frameworks: [...fsbp("IAM.1", "IAM.21"), ...cisAws("3.0", "1.16")],
    remediationSteps: "Grant only the actions the workload calls, on the resources it needs (ARNs); use AWS managed job-function policies for humans.",
    types: [...IAM_INLINE_POLICIES, AWS_TYPE.iamRole],
    check(r) {
        const docs: { prop: string; value: unknown }[] = [];
        if (r.type === AWS_TYPE.iamRole) {
            const inline = asList(r.props.inlinePolicies);
            if (inline === UNKNOWN) return [notEvaluated(r, "inlinePolicies", `inline policies of ${r.name}`)];
            (inline ?? []).forEach((p, i) => docs.push({ prop: `inlinePolicies[${i}].policy`, value: at(p, "policy") }));
        } else {
            docs.push({ prop: "policy", value: r.props.policy });
        }
        const out: RuleFinding[] = [];
        for (const d of docs) {
            const verdict = adminStatements(d.value);
            if (verdict.found > 0) out.push(finding(r, `${r.name} allows "*" on "*" (${d.prop}): full administrator access`));
            else if (verdict.unknown) out.push(notEvaluated(r, d.prop, `policy document of ${r.name}`));
        }
        return out;
    },
};

// ---- RDS credentials ----------------------------------------------------------------------------------

export const rdsManagedCredentials: ResourceRule = {
    kind: "resource",
    name: "rds-managed-credentials",
    description: "RDS instances and clusters use an AWS-managed master password (Secrets Manager) or IAM database authentication.",
    severity: "medium",
    enforcementLevel: "advisory",
    topic: "database",
    frameworks: fsbp("RDS.10", "RDS.12"),
    remediationSteps: "Set manageMasterUserPassword = true (and drop password), or iamDatabaseAuthenticationEnabled = true.",
    types: [AWS_TYPE.rdsInstance, AWS_TYPE.rdsCluster],
    check(r) {
        const p = r.props;
        if (p.replicateSourceDb !== undefined || p.replicationSourceIdentifier !== undefined) return []; // replicas inherit
        if (p.globalClusterIdentifier !== undefined && p.masterUsername === undefined) return []; // secondary of a global cluster
        const managed = asBool(p.manageMasterUserPassword);
        const iam = asBool(p.iamDatabaseAuthenticationEnabled);
        if (managed === true || iam === true) return [];
        if (managed === UNKNOWN || iam === UNKNOWN) return [notEvaluated(r, managed === UNKNOWN ? "manageMasterUserPassword" : "iamDatabaseAuthenticationEnabled", `credentials of ${r.name}`)];
        return [finding(r, `${r.name} uses a master password the program manages (manageMasterUserPassword and iamDatabaseAuthenticationEnabled are not true)`)];
    },
};

// ---- HTTPS --------------------------------------------------------------------------------------------

export const albListenerHttps: ResourceRule = {
    kind: "resource",
    name: "alb-listener-https",
    description: "Application load balancer listeners use HTTPS; an HTTP listener may only redirect to HTTPS.",
    severity: "medium",
    enforcementLevel: "advisory",
    topic: "network",
    frameworks: fsbp("ELB.1", "ELB.2"),
    remediationSteps: "Serve HTTPS (protocol \"HTTPS\" with an ACM certificate and a TLS 1.2+ sslPolicy) and make port 80 a redirect: defaultActions: [{ type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }].",
    types: LISTENERS,
    check(r) {
        const protocol = asString(r.props.protocol);
        if (protocol === UNKNOWN) return [notEvaluated(r, "protocol", `protocol of listener ${r.name}`)];
        // "For Application Load Balancers ... HTTP and HTTPS, with a default of HTTP"; NLB listeners (TCP/TLS/UDP) are out of scope.
        const effective = (protocol ?? "HTTP").toUpperCase();
        if (effective !== "HTTP") return [];
        const actions = asArray(r.props.defaultActions);
        if (actions === UNKNOWN) return [notEvaluated(r, "defaultActions", `actions of listener ${r.name}`)];
        const redirects = (actions ?? []).length > 0 && (actions ?? []).every((a) => asString(at(a, "type")) === "redirect" && asString(at(a, "redirect", "protocol")) === "HTTPS");
        return redirects ? [] : [finding(r, `listener ${r.name} serves plain HTTP instead of redirecting to HTTPS`)];
    },
};

const HTTPS_VIEWER_POLICIES = new Set(["https-only", "redirect-to-https"]);

export const cloudfrontHttpsOnly: ResourceRule = {
    kind: "resource",
    name: "cloudfront-https-only",
    description: "CloudFront default and ordered cache behaviours use viewer protocol policy https-only or redirect-to-https.",
    severity: "medium",
    enforcementLevel: "advisory",
    topic: "cdn",
    frameworks: fsbp("CloudFront.3"),
    remediationSteps: "Set viewerProtocolPolicy: \"redirect-to-https\" (or \"https-only\") on defaultCacheBehavior and every orderedCacheBehaviors entry.",
    types: [AWS_TYPE.cloudfront],
    check(r) {
        const out: RuleFinding[] = [];
        const behaviours: { prop: string; value: unknown }[] = [{ prop: "defaultCacheBehavior.viewerProtocolPolicy", value: at(r.props.defaultCacheBehavior, "viewerProtocolPolicy") }];
        const ordered = asArray(r.props.orderedCacheBehaviors);
        if (ordered === UNKNOWN) out.push(notEvaluated(r, "orderedCacheBehaviors", `cache behaviours of ${r.name}`));
        (Array.isArray(ordered) ? ordered : []).forEach((b, i) => behaviours.push({ prop: `orderedCacheBehaviors[${i}].viewerProtocolPolicy`, value: at(b, "viewerProtocolPolicy") }));
        for (const b of behaviours) {
            const policy = asString(b.value);
            if (policy === UNKNOWN) out.push(notEvaluated(r, b.prop, `viewer protocol of ${r.name}`));
            else if (typeof policy === "string" && !HTTPS_VIEWER_POLICIES.has(policy)) out.push(finding(r, `distribution ${r.name} allows plain HTTP to viewers (${b.prop} = "${policy}")`));
        }
        return out;
    },
};

// ---- ECR ----------------------------------------------------------------------------------------------

export const ecrScanOnPush: StackRule = {
    kind: "stack",
    name: "ecr-scan-on-push",
    description: "ECR repositories scan images on push (repository setting, or a registry scanning configuration in the stack).",
    severity: "low",
    enforcementLevel: "advisory",
    topic: "containers",
    frameworks: fsbp("ECR.1"),
    remediationSteps: "Set imageScanningConfiguration: { scanOnPush: true }, or manage an aws.ecr.RegistryScanningConfiguration (ENHANCED, or a SCAN_ON_PUSH rule for \"*\").",
    check(ctx) {
        const registryWide = ctx.graph.ofType(AWS_TYPE.ecrRegistryScanning).some((c) => {
            if (asString(c.props.scanType) === "ENHANCED") return true;
            const rules = asArray(c.props.rules);
            return Array.isArray(rules) && rules.some((rule) => ["SCAN_ON_PUSH", "CONTINUOUS_SCAN"].includes(String(asString(at(rule, "scanFrequency")))));
        });
        if (registryWide) return [];
        const out: RuleFinding[] = [];
        for (const repo of ctx.graph.ofType(AWS_TYPE.ecrRepository)) {
            const scan = asBool(at(repo.props.imageScanningConfiguration, "scanOnPush"));
            if (scan === UNKNOWN) out.push(notEvaluated(repo, "imageScanningConfiguration.scanOnPush", `scanning of ${repo.name}`));
            else if (scan !== true) out.push(finding(repo, `repository ${repo.name} does not scan images on push (scanOnPush defaults to false)`));
        }
        return out;
    },
};
