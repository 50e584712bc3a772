/**
 * Security-group ingress as one list per group, whether the rules are inline (`ingress` of
 * `aws:ec2/securityGroup:SecurityGroup`) or separate resources (`aws:vpc/securityGroupIngressRule`, and
 * `aws:ec2/securityGroupRule` with `type = "ingress"`).
 */
import type { StackResource } from "../../model/resource";
import { pushTo } from "../../model/multimap";
import { asArray, asNumber, asString, at, stringsOf, UNKNOWN } from "../../model/values";
import type { Graph } from "../../model/graph";
import { SECURITY_GROUPS, AWS_TYPE } from "../../model/aws-types";

export const WORLD_V4 = "0.0.0.0/0";
export const WORLD_V6 = "::/0";

/** One ingress permission. Ports: `undefined` bounds mean "all ports". */
export interface Ingress {
    /** The resource that declares it (the group itself for inline rules, else the rule resource). */
    declaredBy: StackResource;
    /** Property to name in messages. */
    property: string;
    protocol: string;
    fromPort?: number;
    toPort?: number;
    /** World CIDRs this rule opens to (`0.0.0.0/0`, `::/0`). */
    world: string[];
    /** True when the CIDR list is unknown (preview). */
    cidrUnknown: boolean;
    /** True when the ports or protocol are unknown. */
    portsUnknown: boolean;
}

const ALL_PROTOCOLS = new Set(["-1", "all"]);

export function isAllProtocols(i: Ingress): boolean {
    return ALL_PROTOCOLS.has(i.protocol.toLowerCase());
}

/** True when the rule allows every port (protocol all, or TCP/UDP 0..65535). */
export function isAllPorts(i: Ingress): boolean {
    if (isAllProtocols(i)) return true;
    return (i.fromPort ?? 0) <= 1 && (i.toPort ?? 65535) >= 65535;
}

/** True when TCP `port` is allowed. */
export function allowsTcpPort(i: Ingress, port: number): boolean {
    if (isAllProtocols(i)) return true;
    const p = i.protocol.toLowerCase();
    if (p !== "tcp" && p !== "6") return false;
    return (i.fromPort ?? 0) <= port && port <= (i.toPort ?? 65535);
}

export function describePorts(i: Ingress): string {
    if (isAllPorts(i)) return "all ports";
    return i.fromPort === i.toPort ? `${i.protocol}/${i.fromPort}` : `${i.protocol}/${i.fromPort}-${i.toPort}`;
}

function worldOf(v4: unknown, v6: unknown): { world: string[]; unknown: boolean } {
    const a = stringsOf(v4);
    const b = stringsOf(v6);
    const world = [...a.known.filter((c) => c.trim() === WORLD_V4), ...b.known.filter((c) => c.trim() === WORLD_V6)];
    return { world: [...new Set(world)], unknown: a.whollyUnknown || b.whollyUnknown || a.unknown + b.unknown > 0 };
}

function single(value: unknown): unknown[] {
    const s = asString(value);
    return s === UNKNOWN ? [UNKNOWN] : typeof s === "string" ? [s] : [];
}

function ports(rule: unknown, protocolKey: string): Pick<Ingress, "protocol" | "fromPort" | "toPort" | "portsUnknown"> {
    const protocol = asString(at(rule, protocolKey));
    const from = asNumber(at(rule, "fromPort"));
    const to = asNumber(at(rule, "toPort"));
    return {
        protocol: typeof protocol === "string" ? protocol : "-1",
        fromPort: typeof from === "number" ? from : undefined,
        toPort: typeof to === "number" ? to : undefined,
        portsUnknown: protocol === UNKNOWN || from === UNKNOWN || to === UNKNOWN,
    };
}

export interface SecurityView {
    /** Ingress rules of a group (inline and separate). */
    ingressOf(sg: StackResource): Ingress[];
    /** Separate rule resources whose group could not be resolved (unknown in preview). */
    unresolvedRules: StackResource[];
    /** All ingress rules, inline and separate, with the group they belong to (when known). */
    all: { sg?: StackResource; rule: Ingress }[];
}

export function securityView(g: Graph): SecurityView {
    return g.view("security", (graph) => {
        const bySg = new Map<StackResource, Ingress[]>();
        const all: { sg?: StackResource; rule: Ingress }[] = [];
        const unresolvedRules: StackResource[] = [];
        const add = (sg: StackResource | undefined, rule: Ingress) => {
            all.push({ sg, rule });
            if (sg) pushTo(bySg, sg, rule);
        };
        for (const sg of graph.ofType(...SECURITY_GROUPS)) {
            const ingress = asArray(sg.props.ingress);
            if (ingress === UNKNOWN) {
                add(sg, { declaredBy: sg, property: "ingress", protocol: "-1", world: [], cidrUnknown: true, portsUnknown: true });
                continue;
            }
            (ingress ?? []).forEach((rule, index) => {
                const w = worldOf(at(rule, "cidrBlocks"), at(rule, "ipv6CidrBlocks"));
                add(sg, { declaredBy: sg, property: `ingress[${index}]`, ...ports(rule, "protocol"), world: w.world, cidrUnknown: w.unknown });
            });
        }
        for (const r of graph.ofType(AWS_TYPE.sgIngressRule)) {
            const sg = graph.ref(r, "securityGroupId", SECURITY_GROUPS);
            const w = worldOf(single(r.props.cidrIpv4), single(r.props.cidrIpv6));
            const rule: Ingress = { declaredBy: r, property: "cidrIpv4", ...ports(r.props, "ipProtocol"), world: w.world, cidrUnknown: w.unknown };
            if (sg.targets.length === 0 && sg.unknown) unresolvedRules.push(r);
            if (sg.targets.length === 0) add(undefined, rule);
            for (const t of sg.targets) add(t, rule);
        }
        for (const r of graph.ofType(AWS_TYPE.sgRule)) {
            const type = asString(r.props.type);
            if (type !== "ingress") continue;
            const sg = graph.ref(r, "securityGroupId", SECURITY_GROUPS);
            const w = worldOf(r.props.cidrBlocks, r.props.ipv6CidrBlocks);
            const rule: Ingress = { declaredBy: r, property: "cidrBlocks", ...ports(r.props, "protocol"), world: w.world, cidrUnknown: w.unknown };
            if (sg.targets.length === 0 && sg.unknown) unresolvedRules.push(r);
            if (sg.targets.length === 0) add(undefined, rule);
            for (const t of sg.targets) add(t, rule);
        }
        return { ingressOf: (sg) => bySg.get(sg) ?? [], unresolvedRules, all };
    });
}
