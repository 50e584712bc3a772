import { strict as assert } from "assert";
import type { ProgramRun } from "../../harness";
import { input, ofType, STAGE_RUNS } from "./helpers";
import { routeTargetType, routingOf, subnetsOfTier } from "./routes";

const IGW = "aws:ec2/internetGateway:InternetGateway";
const NAT = "aws:ec2/natGateway:NatGateway";

for (const [stage, azs, nats] of [["hero", 2, 1], ["enterprise", 3, 3]] as const) {
    describe(`network of stage ${stage}`, () => {
        let run: ProgramRun;
        before(async () => {
            run = await STAGE_RUNS[stage]();
        });

        it(`spans ${azs} AZs with public, app and data subnets in each`, () => {
            for (const tier of ["public", "app", "data"]) {
                const zones = new Set(subnetsOfTier(run, tier).map((s) => input(s, "availabilityZone")));
                assert.equal(zones.size, azs, `${tier} subnets`);
            }
        });

        it("gives every subnet an explicit route table association", () => {
            for (const subnet of ofType(run, "aws:ec2/subnet:Subnet")) {
                assert.ok(routingOf(run, subnet).routeTable, `${subnet.name} has no explicit route table`);
            }
        });

        it("keeps data subnets without any route to the internet", () => {
            for (const subnet of subnetsOfTier(run, "data")) {
                const { routes } = routingOf(run, subnet);
                assert.deepEqual(routes.map((r) => r.name), [], `${subnet.name} has routes`);
            }
        });

        it("sends app subnets to the internet through NAT only, never the internet gateway", () => {
            for (const subnet of subnetsOfTier(run, "app")) {
                const targets = routingOf(run, subnet).routes.map((r) => routeTargetType(run, r));
                assert.deepEqual(targets, [NAT], subnet.name);
            }
        });

        it("routes public subnets to the internet gateway", () => {
            for (const subnet of subnetsOfTier(run, "public")) {
                assert.deepEqual(routingOf(run, subnet).routes.map((r) => routeTargetType(run, r)), [IGW]);
            }
        });

        it(`places ${nats} NAT gateway(s) in public subnets`, () => {
            const publicIds = new Set(subnetsOfTier(run, "public").map((s) => s.id));
            const natGateways = ofType(run, NAT);
            assert.equal(natGateways.length, nats);
            for (const nat of natGateways) assert.ok(publicIds.has(String(input(nat, "subnetId"))));
        });

        it("leaves the VPC's main route table and default security group empty", () => {
            assert.deepEqual(input(ofType(run, "aws:ec2/defaultRouteTable:DefaultRouteTable")[0], "routes"), []);
            const sg = ofType(run, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup")[0];
            assert.deepEqual([input(sg, "ingress"), input(sg, "egress")], [[], []]);
        });
    });
}
