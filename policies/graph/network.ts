/**
 * Which subnets can be reached from the internet, and by which path.
 *
 * A subnet uses the route table explicitly associated with it (`RouteTableAssociation`); a subnet with no
 * association uses its VPC's main route table: the table named by a `MainRouteTableAssociation`, else the
 * VPC's default table when the program manages it (`DefaultRouteTable`), else the implicit main table AWS
 * creates with the VPC, which has only the local route. A table reaches the internet when a route (inline
 * `routes`, or a separate `aws:ec2/route:Route`) sends traffic to an internet gateway (`gatewayId` naming an
 * `aws:ec2/internetGateway:InternetGateway`, or an `igw-` id). NAT gateways, transit gateways, egress-only
 * internet gateways (outbound only), VPC peering, VPC endpoints and virtual private gateways are not internet
 * routes. See https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html ("Main route table",
 * "Subnet route tables") and https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html.
 */
import type { StackResource } from "../../model/resource";
import { pushTo } from "../../model/multimap";
import { asArray, asString, at, UNKNOWN } from "../../model/values";
import type { Graph } from "../../model/graph";
import { ROUTE_TABLES, AWS_TYPE } from "../../model/aws-types";

export interface InternetRoute {
    destination: string;
    igw: string;
    /** The resource that declares the route (the table for inline routes). */
    declaredBy: StackResource;
}

/** How a subnet reaches the internet: the table (and why it applies) and the route; or unknown. */
export type SubnetVerdict =
    | { kind: "internet"; table: StackResource; main: boolean; route: InternetRoute }
    | { kind: "private" }
    | { kind: "unknown"; property: string; resource: StackResource };

export interface NetworkView {
    subnet(subnet: StackResource): SubnetVerdict;
}

const IGW_PREFIX = "igw-";

function label(r: StackResource): string {
    return r.name;
}

export function networkView(g: Graph): NetworkView {
    return g.view("network", (graph) => {
        // Maps are keyed by the graph's own resource objects (one per resource), not by URN strings.
        // subnet → explicitly associated tables; associations whose subnet is unknown
        const explicit = new Map<StackResource, StackResource[]>();
        let unresolvedAssociation: StackResource | undefined;
        for (const a of graph.ofType(AWS_TYPE.routeTableAssociation)) {
            if (a.props.subnetId === undefined) continue; // gateway associations
            const subnet = graph.ref(a, "subnetId", [AWS_TYPE.subnet]);
            const table = graph.ref(a, "routeTableId", ROUTE_TABLES);
            if (subnet.unknown && subnet.targets.length === 0) unresolvedAssociation = a;
            for (const s of subnet.targets) for (const t of table.targets) pushTo(explicit, s, t);
        }
        // VPC → main table. A default route table names its VPC's table id (known in update): VPCs are indexed by the
        // table ids they expose once, not scanned for every default route table.
        const main = new Map<StackResource, StackResource>();
        const defaultTables = graph.ofType(AWS_TYPE.defaultRouteTable);
        const vpcsByTableId = new Map<string, StackResource[]>();
        for (const vpc of defaultTables.length > 0 ? graph.ofType(AWS_TYPE.vpc) : []) {
            const ids = new Set([asString(vpc.props.defaultRouteTableId), asString(vpc.props.mainRouteTableId)]);
            for (const id of ids) if (typeof id === "string") pushTo(vpcsByTableId, id, vpc);
        }
        for (const d of defaultTables) {
            for (const vpc of graph.ref(d, "defaultRouteTableId", [AWS_TYPE.vpc]).targets) main.set(vpc, d);
            const wanted = asString(d.props.defaultRouteTableId);
            if (typeof wanted === "string") for (const vpc of vpcsByTableId.get(wanted) ?? []) main.set(vpc, d);
        }
        for (const m of graph.ofType(AWS_TYPE.mainRouteTableAssociation)) {
            const tables = graph.ref(m, "routeTableId", ROUTE_TABLES).targets;
            for (const vpc of graph.ref(m, "vpcId", [AWS_TYPE.vpc]).targets) if (tables[0]) main.set(vpc, tables[0]);
        }
        // table → separate routes
        const separate = new Map<StackResource, StackResource[]>();
        for (const r of graph.ofType(AWS_TYPE.route)) {
            for (const t of graph.ref(r, "routeTableId", ROUTE_TABLES).targets) pushTo(separate, t, r);
        }

        /** Resolves a `gatewayId` to an internet gateway label, "no", or unknown. */
        const igwOf = (holder: StackResource, prop: string, value: unknown): string | "no" | typeof UNKNOWN => {
            const v = asString(value);
            if (v === undefined || v === "") return "no";
            const ref = graph.ref(holder, prop, [AWS_TYPE.internetGateway], v);
            if (ref.targets.length > 0) return `igw ${label(ref.targets[0])}`;
            if (typeof v === "string") return v.startsWith(IGW_PREFIX) ? `igw ${v}` : "no";
            // unknown id: the engine's dependencies decide; no internet gateway among them means it is not one
            return graph.linked(holder, prop).length > 0 ? "no" : UNKNOWN;
        };

        const routesOf = (table: StackResource): InternetRoute[] | { unknown: string; resource: StackResource } => {
            const found: InternetRoute[] = [];
            const inline = asArray(table.props.routes);
            if (inline === UNKNOWN) return { unknown: "routes", resource: table };
            for (const route of inline ?? []) {
                const igw = igwOf(table, "routes", at(route, "gatewayId"));
                if (igw === UNKNOWN) return { unknown: "routes[].gatewayId", resource: table };
                if (igw !== "no") {
                    const dest = asString(at(route, "cidrBlock")) ?? asString(at(route, "ipv6CidrBlock"));
                    found.push({ destination: typeof dest === "string" ? dest : "(unknown destination)", igw, declaredBy: table });
                }
            }
            for (const r of separate.get(table) ?? []) {
                const igw = igwOf(r, "gatewayId", r.props.gatewayId);
                if (igw === UNKNOWN) return { unknown: "gatewayId", resource: r };
                if (igw !== "no") {
                    const dest = asString(r.props.destinationCidrBlock) ?? asString(r.props.destinationIpv6CidrBlock) ?? asString(r.props.destinationPrefixListId);
                    found.push({ destination: typeof dest === "string" ? dest : "(unknown destination)", igw, declaredBy: r });
                }
            }
            // 0.0.0.0/0 and ::/0 first: they are the routes that make a subnet public
            return found.sort((a, b) => Number(b.destination.endsWith("/0")) - Number(a.destination.endsWith("/0")));
        };

        const verdicts = new Map<StackResource, SubnetVerdict>();
        return {
            subnet(subnet: StackResource): SubnetVerdict {
                const cached = verdicts.get(subnet);
                if (cached) return cached;
                let verdict: SubnetVerdict = { kind: "private" };
                const tables = explicit.get(subnet);
                let candidates: { table: StackResource; main: boolean }[] = [];
                if (tables && tables.length > 0) {
                    candidates = tables.map((table) => ({ table, main: false }));
                } else if (unresolvedAssociation) {
                    verdict = { kind: "unknown", property: "subnetId", resource: unresolvedAssociation };
                } else {
                    const vpc = graph.ref(subnet, "vpcId", [AWS_TYPE.vpc]);
                    const table = vpc.targets.map((v) => main.get(v)).find((t) => t !== undefined);
                    if (table) candidates = [{ table, main: true }];
                    else if (vpc.unknown) verdict = { kind: "unknown", property: "vpcId", resource: subnet };
                    // else: the implicit main table (local route only), or a VPC outside the stack
                }
                for (const c of candidates) {
                    const routes = routesOf(c.table);
                    if (!Array.isArray(routes)) {
                        verdict = { kind: "unknown", property: routes.unknown, resource: routes.resource };
                        break;
                    }
                    if (routes.length > 0) {
                        verdict = { kind: "internet", table: c.table, main: c.main, route: routes[0] };
                        break;
                    }
                }
                verdicts.set(subnet, verdict);
                return verdict;
            },
        };
    });
}

/** `route table public (main) → 0.0.0.0/0 → igw main` */
export function describeRoute(v: Extract<SubnetVerdict, { kind: "internet" }>): string[] {
    return [`route table ${label(v.table)}${v.main ? " (main)" : ""}`, v.route.destination, v.route.igw];
}
