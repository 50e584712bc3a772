import type { DeclaredResource, ProgramRun } from "../../harness";
import { byId, input, ofType } from "./helpers";

/** Where one subnet's traffic to 0.0.0.0/0 goes. */
export interface SubnetRouting {
    subnet: DeclaredResource;
    /** Explicitly associated route table (undefined: falls back to the main table). */
    routeTable?: DeclaredResource;
    /** Routes in that table. */
    routes: DeclaredResource[];
}

/** Walks subnet → route table association → route table → routes. */
export function routingOf(run: ProgramRun, subnet: DeclaredResource): SubnetRouting {
    const association = ofType(run, "aws:ec2/routeTableAssociation:RouteTableAssociation").find((a) => input(a, "subnetId") === subnet.id);
    const routeTable = association ? byId(run, input(association, "routeTableId")) : undefined;
    const routes = routeTable ? ofType(run, "aws:ec2/route:Route").filter((r) => input(r, "routeTableId") === routeTable.id) : [];
    return { subnet, routeTable, routes };
}

/** The target type of a route: the type of the resource its gateway/NAT id points at. */
export function routeTargetType(run: ProgramRun, route: DeclaredResource): string | undefined {
    const target = input(route, "gatewayId") ?? input(route, "natGatewayId");
    return byId(run, target)?.type;
}

/** Subnets of a tier (`public`, `app`, `data`) by their tier tag. */
export function subnetsOfTier(run: ProgramRun, tier: string): DeclaredResource[] {
    return ofType(run, "aws:ec2/subnet:Subnet").filter((s) => input(s, "tags.tier") === tier);
}
