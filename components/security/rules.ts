import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import { child } from "../options";

/** The other side of a rule: a security group or an IPv4 range. */
export type Peer = { readonly securityGroupId: pulumi.Input<string> } | { readonly cidr: pulumi.Input<string> };

/** One TCP port rule between a security group and a peer. */
export interface TcpRule {
    /** Logical name of the rule resource. */
    readonly name: string;
    /** The group the rule belongs to. */
    readonly groupId: pulumi.Input<string>;
    /** TCP port. */
    readonly port: number;
    /** Source (ingress) or destination (egress). */
    readonly peer: Peer;
    /** What the rule is for (rule description). */
    readonly description: string;
}

function peerArgs(peer: Peer): { referencedSecurityGroupId?: pulumi.Input<string>; cidrIpv4?: pulumi.Input<string> } {
    return "securityGroupId" in peer ? { referencedSecurityGroupId: peer.securityGroupId } : { cidrIpv4: peer.cidr };
}

/** Declares an ingress rule resource (`aws.vpc.SecurityGroupIngressRule`) parented to `parent`. */
export function allowIn(parent: pulumi.Resource, rule: TcpRule): aws.vpc.SecurityGroupIngressRule {
    return new aws.vpc.SecurityGroupIngressRule(
        rule.name,
        { securityGroupId: rule.groupId, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, description: rule.description, ...peerArgs(rule.peer) },
        child(parent),
    );
}

/** Declares an egress rule resource (`aws.vpc.SecurityGroupEgressRule`) parented to `parent`. */
export function allowOut(parent: pulumi.Resource, rule: TcpRule): aws.vpc.SecurityGroupEgressRule {
    return new aws.vpc.SecurityGroupEgressRule(
        rule.name,
        { securityGroupId: rule.groupId, ipProtocol: "tcp", fromPort: rule.port, toPort: rule.port, description: rule.description, ...peerArgs(rule.peer) },
        child(parent),
    );
}
