/**
 * Every graph rule does work in proportion to the stack. The benchmark times this (docs/benchmarks.md), but time is
 * noisy and its stacks hold only the hero's types; here a rule that loops over one type inside a loop over another
 * (O(N²)) is caught deterministically: by counting how often it reads a resource, on wide synthetic stacks (every
 * type the graph rules read) of 1× and 4× the size, in both engine modes.
 */
import * as assert from "assert";
import { generateStack, type Mode } from "../../bench/synthetic";
import { toStackResources } from "../../harness/stack-view";
import type { StackResource } from "../../policies/lib/resource";
import type { StackRule } from "../../policies/lib/rule";
import { rules } from "../../policies/pack";
import { check } from "./helpers";

const SMALL = 1_100;
const GROWTH = 4;
/** Allowed excess over proportional growth: 5 % (linear rules grow by 4.00 ± 0.01; an O(N²) one by 4× more). */
const SLACK = 1.05;

/** The stack's resources as the graph sees them, each read of any of their fields counted. */
function counted(resources: StackResource[]): { resources: StackResource[]; reads: () => number } {
    let reads = 0;
    const handler: ProxyHandler<StackResource> = {
        get(target, key, receiver) {
            reads++;
            return Reflect.get(target, key, receiver) as unknown;
        },
    };
    return { resources: resources.map((r) => new Proxy(r, handler)), reads: () => reads };
}

function readsOf(rule: StackRule, resources: StackResource[]): { reads: number; findings: number } {
    const stack = counted(resources);
    const findings = check(rule, stack.resources).length;
    return { reads: stack.reads(), findings };
}

const stackRules = rules.filter((r): r is StackRule => r.kind === "stack");

describe("graph rules: work proportional to the stack (reads counted, wide stacks)", function () {
    this.timeout(60_000);
    for (const mode of ["preview", "update"] as Mode[]) {
        describe(mode, () => {
            const small = toStackResources(generateStack({ resources: SMALL, mode, wide: true }).run);
            const big = toStackResources(generateStack({ resources: SMALL * GROWTH, mode, wide: true }).run);
            for (const rule of stackRules) {
                it(`${rule.name}: ${GROWTH}× the resources, at most ${GROWTH * SLACK}× the reads`, () => {
                    const a = readsOf(rule, small);
                    const b = readsOf(rule, big);
                    assert.ok(a.reads > 0, `${rule.name} read nothing of ${small.length} resources`);
                    const growth = b.reads / a.reads;
                    assert.ok(growth <= GROWTH * SLACK, `${rule.name}: ${a.reads} reads on ${small.length} resources, ${b.reads} on ${big.length} (${growth.toFixed(2)}×)`);
                });
            }
        });
    }

    it("counts a rule that loops over resources inside a loop over resources (the check can fail)", () => {
        const quadratic: StackRule = {
            ...stackRules[0],
            name: "quadratic",
            check(ctx) {
                let pairs = 0;
                for (const a of ctx.graph.ofType("aws:ec2/subnet:Subnet")) for (const b of ctx.graph.ofType("aws:ec2/subnet:Subnet")) if (a.name < b.name) pairs++;
                return pairs < 0 ? [] : [];
            },
        };
        const small = toStackResources(generateStack({ resources: SMALL, mode: "preview", wide: true }).run);
        const big = toStackResources(generateStack({ resources: SMALL * GROWTH, mode: "preview", wide: true }).run);
        const growth = readsOf(quadratic, big).reads / readsOf(quadratic, small).reads;
        assert.ok(growth > GROWTH * SLACK * 2, `a quadratic rule grew only ${growth.toFixed(2)}×`);
    });
});
